"""A rule-based MiniSBD sentence splitter written as a tiny ONNX graph, so argos never downloads one."""

from __future__ import annotations

import json
import struct

# MiniSBD labels per character: 0 inside a token, 1 end of token, 2 end of sentence.
TERMINALS = ".!?…"
CLOSERS = "\"'»)’”"
SPACED_CLOSERS = "»”"  # French style: « Bonjour. »
SPECIAL_UNITS = ["<PAD>", "<UNK>", "<EMPTY>", "<ROOT>"]
# Characters known to the vocabulary; anything else maps to <UNK> (an ordinary word character).
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜ"
UNITS = [" ", *TERMINALS, *CLOSERS, *UPPER]

# ONNX protobuf field numbers and enums (onnx.proto3).
FLOAT, INT64 = 1, 7
ATTR_INT, ATTR_INTS = 2, 7


def _varint(value: int) -> bytes:
    value &= (1 << 64) - 1
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _key(field: int, wire: int) -> bytes:
    return _varint(field << 3 | wire)


def _int(field: int, value: int) -> bytes:
    return _key(field, 0) + _varint(value)


def _bytes(field: int, value: bytes | str) -> bytes:
    data = value.encode() if isinstance(value, str) else value
    return _key(field, 2) + _varint(len(data)) + data


def _tensor(name: str, dims: list[int], dtype: int, values: list[float] | list[int]) -> bytes:
    fmt = f"<{len(values)}{'f' if dtype == FLOAT else 'q'}"
    body = b"".join(_int(1, d) for d in dims) + _int(2, dtype) + _bytes(8, name)
    return body + _bytes(9, struct.pack(fmt, *values))


def _value_info(name: str, dtype: int, dims: list[int | str]) -> bytes:
    shape = b"".join(_bytes(1, _int(1, d) if isinstance(d, int) else _bytes(2, d)) for d in dims)
    tensor_type = _int(1, dtype) + _bytes(2, shape)
    return _bytes(1, name) + _bytes(2, _bytes(1, tensor_type))


def _attr(name: str, value: int | list[int]) -> bytes:
    if isinstance(value, int):
        return _bytes(1, name) + _int(3, value) + _int(20, ATTR_INT)
    return _bytes(1, name) + b"".join(_int(8, v) for v in value) + _int(20, ATTR_INTS)


class _Graph:
    def __init__(self) -> None:
        self.nodes: list[bytes] = []
        self.inits: list[bytes] = []
        self._n = 0

    def const(self, values: list[float] | list[int], dtype: int = FLOAT, dims: list[int] | None = None) -> str:
        self._n += 1
        name = f"c{self._n}"
        self.inits.append(_tensor(name, [len(values)] if dims is None else dims, dtype, values))
        return name

    def op(self, op_type: str, *inputs: str, **attrs: int | list[int]) -> str:
        self._n += 1
        out = f"t{self._n}"
        body = b"".join(_bytes(1, i) for i in inputs) + _bytes(2, out) + _bytes(3, f"n{self._n}")
        body += _bytes(4, op_type) + b"".join(_bytes(5, _attr(k, v)) for k, v in attrs.items())
        self.nodes.append(body)
        return out

    def shift(self, x: str, offset: int) -> str:
        """x[:, t + offset] along the time axis, zero where out of range."""
        big = 1 << 62
        if offset > 0:
            sliced = self.op("Slice", x, self.const([offset], INT64), self.const([big], INT64), self.const([1], INT64))
            pads = [0, 0, 0, offset]
        else:
            sliced = self.op("Slice", x, self.const([0], INT64), self.const([offset], INT64), self.const([1], INT64))
            pads = [0, -offset, 0, 0]
        return self.op("Pad", sliced, self.const(pads, INT64))


def build_sbd_onnx(lang: str) -> bytes:
    """The serialized model: per-character lookups, neighbour shifts and products, no learned weights.

    A sentence ends at . ! ? … followed by whitespace or the end of the paragraph (or at a closing quote or
    bracket right after one), except after a lone capital letter ("Klaus R. a dit"), which is an initial.
    """
    vocab = SPECIAL_UNITS + UNITS
    table = {name: [0.0] * len(vocab) for name in ("term", "brk", "closer", "spaced", "upper", "word")}
    for i, unit in enumerate(vocab):
        table["term"][i] = float(unit in TERMINALS)
        table["brk"][i] = float(unit in (" ", "<PAD>"))
        table["closer"][i] = float(unit in CLOSERS)
        table["spaced"][i] = float(unit in SPACED_CLOSERS)
        table["upper"][i] = float(unit in UPPER)
        table["word"][i] = float(unit not in (" ", "<PAD>"))
    g = _Graph()
    feat = {name: g.op("Gather", g.const(values), "units", axis=0) for name, values in table.items()}
    brk_next = g.shift(feat["brk"], 1)
    # An initial: a capital letter preceded by a non-word character (space or paragraph start).
    initial = g.op("Mul", g.shift(feat["upper"], -1), g.op("Sub", g.const([1.0]), g.shift(feat["word"], -2)))
    not_initial = g.op("Sub", g.const([1.0]), initial)
    # "Bonjour. »": the sentence ends after the spaced closing guillemet, not before it.
    spaced_next = g.op("Mul", brk_next, g.shift(feat["spaced"], 2))
    not_spaced = g.op("Sub", g.const([1.0]), spaced_next)
    end_plain = g.op("Mul", g.op("Mul", g.op("Mul", feat["term"], brk_next), not_initial), not_spaced)
    after_term = g.op("Add", g.shift(feat["term"], -1), g.op("Mul", feat["spaced"], g.shift(feat["term"], -2)))
    end_closer = g.op("Mul", g.op("Mul", feat["closer"], after_term), brk_next)
    sentence = g.op("Mul", g.op("Add", end_plain, end_closer), g.const([2.0]))
    token = g.op("Mul", feat["word"], brk_next)
    inside = g.op("Add", g.op("Mul", token, g.const([0.0])), g.const([0.5]))
    columns = [g.op("Unsqueeze", x, g.const([2], INT64)) for x in (inside, token, sentence)]
    g.nodes.append(
        b"".join(_bytes(1, c) for c in columns)
        + _bytes(2, "logits")
        + _bytes(3, "concat")
        + _bytes(4, "Concat")
        + _bytes(5, _attr("axis", 2))
    )
    graph = b"".join(_bytes(1, n) for n in g.nodes) + _bytes(2, "rule_sbd")
    graph += b"".join(_bytes(5, t) for t in g.inits)
    graph += _bytes(11, _value_info("units", INT64, ["batch", "chars"]))
    # MiniSBD always feeds a (here empty) feature tensor; the rules do not need it.
    graph += _bytes(11, _value_info("features", FLOAT, ["batch", "chars", "feats"]))
    graph += _bytes(12, _value_info("logits", FLOAT, ["batch", "chars", 3]))
    config = {
        "skip_newline": False,
        "max_seqlen": 1 << 30,
        "no_ssplit": False,
        "batch_size": 32,
        "feat_funcs": [],
        "use_dictionary": False,
        "num_dict_feat": 0,
    }
    vocab_state = {
        "lang": lang,
        "idx": 0,
        "cutoff": 0,
        "lower": False,
        "_unit2id": {u: i for i, u in enumerate(vocab)},
        "_id2unit": vocab,
    }
    meta = {"lang_code": lang, "config": json.dumps(config), "vocab": json.dumps(vocab_state), "lexicon": "null"}
    model = _int(1, 8) + _bytes(2, "thread-translator rule_sbd") + _bytes(3, "1") + _bytes(7, graph)
    model += _bytes(8, _bytes(1, "") + _int(2, 17))
    model += b"".join(_bytes(14, _bytes(1, k) + _bytes(2, v)) for k, v in meta.items())
    return model
