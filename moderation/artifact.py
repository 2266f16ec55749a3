"""How a trained classifier is stored: an ``.npz`` archive of plain arrays and a JSON
header, never a pickle.

The archive holds the header (format, version, n-gram settings, calibration,
metadata), the two vocabularies, their IDF weights and the linear model's
coefficients. Reading checks every member and value before anything is built from it,
so a stored model can never run code, and bounds sizes so a crafted one cannot make a
worker allocate, decompress or parse without limit.
"""

from __future__ import annotations

import io
import json
import math
import zipfile
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.lib import format as np_format
from sklearn.feature_extraction.text import TfidfVectorizer

from moderation.tfidf import CHAR_SETTINGS, WORD_SETTINGS, term_vectorizer

FORMAT_NAME = "mend.spam-classifier"
FORMAT_VERSION = 1

_TERM_SEPARATOR = "\x00"  # normalised text never contains NUL, so no term does either


@dataclass(frozen=True)
class StoredModel:
    """What an artifact holds, checked: the fitted vectorizers and the linear model's
    numbers, from which the classifier rebuilds its estimators."""

    word: TfidfVectorizer
    char: TfidfVectorizer
    coef: np.ndarray  # shape (1, word terms + character terms)
    intercept: np.ndarray  # shape (1,)
    calibration: tuple[float, float]
    metadata: dict[str, Any]


def write_artifact(
    word: TfidfVectorizer,
    char: TfidfVectorizer,
    coef: np.ndarray,
    intercept: np.ndarray,
    calibration: tuple[float, float],
    metadata: dict[str, Any],
) -> bytes:
    """The archive of a fitted model."""
    header = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "word_settings": WORD_SETTINGS,
        "char_settings": CHAR_SETTINGS,
        "calibration": list(calibration),
        "metadata": metadata,
    }
    arrays = {
        "header": _text_bytes(json.dumps(header, sort_keys=True)),
        "word_terms": _text_bytes(_TERM_SEPARATOR.join(_terms_by_index(word))),
        "word_idf": np.asarray(word.idf_, dtype=np.float64),
        "char_terms": _text_bytes(_TERM_SEPARATOR.join(_terms_by_index(char))),
        "char_idf": np.asarray(char.idf_, dtype=np.float64),
        "coef": np.asarray(coef, dtype=np.float64),
        "intercept": np.asarray(intercept, dtype=np.float64),
    }
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    return buffer.getvalue()


def read_artifact(data: bytes) -> StoredModel:
    """The model stored by ``write_artifact``. Raises ValueError on anything else;
    never unpickles or runs code, and checks every value it reads."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ValueError("a stored classifier must be bytes")
    try:
        return _stored_model(_read_arrays(bytes(data)))
    except ValueError:
        raise
    except Exception as exc:  # noqa: BLE001 - untrusted bytes: any failure means "not ours"
        raise ValueError(f"not a stored spam classifier: {type(exc).__name__}: {exc}") from exc


def _stored_model(arrays: dict[str, np.ndarray]) -> StoredModel:
    header = _read_header(arrays["header"])
    word = _rebuild_vectorizer(
        header["word_settings"], arrays["word_terms"], arrays["word_idf"], "word"
    )
    char = _rebuild_vectorizer(
        header["char_settings"], arrays["char_terms"], arrays["char_idf"], "character"
    )
    n_features = len(word.vocabulary_) + len(char.vocabulary_)
    coef = _float_array(arrays["coef"], "coefficients", _MAX_WEIGHT)
    intercept = _float_array(arrays["intercept"], "intercept", _MAX_WEIGHT)
    if coef.shape != (1, n_features) or intercept.shape != (1,):
        raise ValueError(
            f"stored coefficients have shape {coef.shape} and {intercept.shape}, "
            f"expected (1, {n_features}) and (1,)"
        )
    slope, offset = header["calibration"]
    return StoredModel(
        word, char, coef, intercept, (float(slope), float(offset)), header.get("metadata", {})
    )


def _text_bytes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def _terms_by_index(vectorizer: TfidfVectorizer) -> list[str]:
    terms = [""] * len(vectorizer.vocabulary_)
    for term, index in vectorizer.vocabulary_.items():
        terms[index] = term
    return terms


# What a stored classifier holds: each array's dtype (little-endian, as ``to_bytes``
# writes them on every platform numpy runs on here) and number of dimensions.
_MEMBERS: dict[str, tuple[str, int]] = {
    "header": ("|u1", 1),
    "word_terms": ("|u1", 1),
    "word_idf": ("<f8", 1),
    "char_terms": ("|u1", 1),
    "char_idf": ("<f8", 1),
    "coef": ("<f8", 2),
    "intercept": ("<f8", 1),
}
# Bounds a stored classifier must keep. A model the classifier trains is far inside them
# (the vocabulary caps in ``tfidf``: about 400k terms, tens of megabytes); they stop a crafted
# artifact from making a worker allocate, decompress or parse without limit.
_MAX_MEMBER_BYTES = 64 * 2**20  # checked before decompressing: no zip bomb gets further
_MAX_HEADER_BYTES = 2**20
_MAX_TERMS = 1_000_000
_MAX_WEIGHT = 1e6  # |coefficient|, |intercept|, |calibration|; trained ones are below 100
_MAX_IDF = 1e3  # IDF is 1 + ln((1 + n) / (1 + df)): about 12 for a million texts


def _read_arrays(data: bytes) -> dict[str, np.ndarray]:
    """The archive's arrays, read by hand: the expected members and nothing else, each
    an ``.npy`` of the expected dtype whose data is exactly what its header declares."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ValueError(f"not a stored spam classifier: {exc}") from exc
    with archive:
        infos = archive.infolist()
        names = sorted(info.filename for info in infos)
        expected = sorted(f"{name}.npy" for name in _MEMBERS)
        if names != expected:
            raise ValueError(f"stored classifier has members {names[:20]}, expected {expected}")
        arrays = {}
        for info in infos:
            name = info.filename.removesuffix(".npy")
            limit = _MAX_HEADER_BYTES if name == "header" else _MAX_MEMBER_BYTES
            if info.file_size > limit:
                raise ValueError(f"stored {name} is larger than {limit} bytes")
            with archive.open(info) as member:
                arrays[name] = _read_npy(member, info.file_size, name)
    return arrays


def _read_npy(member: Any, size: int, name: str) -> np.ndarray:
    dtype_code, ndim = _MEMBERS[name]
    version = np_format.read_magic(member)
    if version == (1, 0):
        shape, fortran_order, dtype = np_format.read_array_header_1_0(member)
    elif version == (2, 0):
        shape, fortran_order, dtype = np_format.read_array_header_2_0(member)
    else:
        raise ValueError(f"stored {name} has .npy format version {version}")
    if dtype.str != dtype_code or len(shape) != ndim:
        raise ValueError(f"stored {name} is {dtype.str} with shape {shape}, expected {dtype_code}")
    count = math.prod(shape)
    expected = count * dtype.itemsize
    if size - member.tell() != expected:
        raise ValueError(f"stored {name} declares shape {shape} but holds other data")
    raw = member.read(expected)
    if len(raw) != expected:
        raise ValueError(f"stored {name} is cut short")
    return np.frombuffer(raw, dtype=dtype).reshape(shape, order="F" if fortran_order else "C")


def _decode_text(array: np.ndarray, what: str) -> str:
    if array.dtype != np.uint8 or array.ndim != 1:
        raise ValueError(f"stored {what} must be a byte array")
    try:
        return array.tobytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"stored {what} is not UTF-8 text") from exc


def _float_array(array: np.ndarray, what: str, bound: float) -> np.ndarray:
    if array.dtype != np.float64 or not np.all(np.isfinite(array)):
        raise ValueError(f"stored {what} must be finite float64 numbers")
    if array.size and float(np.max(np.abs(array))) > bound:
        raise ValueError(f"stored {what} are out of range")
    return np.array(array, dtype=np.float64)  # a writable copy in native order


def _is_number(value: Any) -> bool:
    return type(value) in (int, float) and math.isfinite(value)


def _read_header(array: np.ndarray) -> dict[str, Any]:
    try:
        header = json.loads(_decode_text(array, "header"))
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ValueError(f"stored classifier header is not JSON: {exc}") from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT_NAME:
        raise ValueError("stored data is not a Mend spam classifier")
    if header.get("version") != FORMAT_VERSION:
        raise ValueError(
            f"stored classifier has format version {header.get('version')!r}; "
            f"this code reads version {FORMAT_VERSION}"
        )
    _check_settings(header.get("word_settings"), WORD_SETTINGS, "word settings")
    _check_settings(header.get("char_settings"), CHAR_SETTINGS, "character settings")
    calibration = header.get("calibration")
    if not (
        isinstance(calibration, list)
        and len(calibration) == 2
        and all(_is_number(v) and abs(v) <= _MAX_WEIGHT for v in calibration)
    ):
        raise ValueError("stored classifier calibration must be two finite numbers")
    if not isinstance(header.get("metadata", {}), dict):
        raise ValueError("stored classifier metadata must be an object")
    return header


def _check_settings(settings: Any, trained_with: dict[str, Any], what: str) -> None:
    """How text is cut into terms must be exactly how ``tfidf`` cuts it: a stored
    token pattern is never compiled unless it is that module's own, so an artifact
    cannot bring a regular expression that backtracks for minutes on one post."""
    if not isinstance(settings, dict) or set(settings) != set(trained_with):
        raise ValueError(f"stored {what} are malformed")
    for key in ("analyzer", "token_pattern", "ngram_range"):
        if settings[key] != trained_with[key]:
            raise ValueError(
                f"stored {what} have {key} {settings[key]!r}, not {trained_with[key]!r}"
            )
    min_df, max_features = settings["min_df"], settings["max_features"]
    if type(min_df) is not int or min_df < 1:
        raise ValueError(f"stored {what} have an invalid min_df")
    if max_features is not None and (type(max_features) is not int or max_features < 1):
        raise ValueError(f"stored {what} have an invalid max_features")


def _rebuild_vectorizer(
    settings: dict[str, Any], terms: np.ndarray, idf: np.ndarray, what: str
) -> TfidfVectorizer:
    text = _decode_text(terms, f"{what} vocabulary")
    vocabulary = text.split(_TERM_SEPARATOR) if text else []
    limit = min(_MAX_TERMS, settings["max_features"] or _MAX_TERMS)
    if len(vocabulary) > limit:
        raise ValueError(f"stored {what} vocabulary has {len(vocabulary)} terms, over {limit}")
    low, high = settings["ngram_range"]
    if settings["analyzer"] == "word":
        # 1 to ``high`` words each, one space between: what the word analyzer produces.
        valid = all(term and term.count(" ") < high for term in vocabulary)
    else:
        # Padded n-grams: exactly ``low`` to ``high`` characters.
        valid = all(low <= len(term) <= high for term in vocabulary)
    if not valid or len(set(vocabulary)) != len(vocabulary):
        raise ValueError(f"stored {what} vocabulary holds terms this model cannot produce")
    idf = _float_array(idf, f"{what} idf weights", _MAX_IDF)
    if idf.ndim != 1 or len(vocabulary) != len(idf) or (idf.size and float(idf.min()) <= 0):
        raise ValueError(f"stored {what} vocabulary and idf weights do not match")
    vectorizer = term_vectorizer(settings)
    vectorizer.vocabulary_ = {term: index for index, term in enumerate(vocabulary)}
    vectorizer.fixed_vocabulary_ = False
    vectorizer.idf_ = idf
    return vectorizer


def _terms_by_index(vectorizer: TfidfVectorizer) -> list[str]:
    terms = [""] * len(vectorizer.vocabulary_)
    for term, index in vectorizer.vocabulary_.items():
        terms[index] = term
    return terms
