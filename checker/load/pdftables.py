"""What a PDF page draws, and its ruled tables: the ruling lines from the page's path objects as pdfium parsed them,
the cells from pdfplumber's table finder (Nurminen's method, as Tabula uses), each cell's characters
from the page's.

Asking pdfplumber for the tables would have pdfminer parse the page a second time (its fonts and
content stream: a quarter of a second for one page of a plan) only to learn where the lines are."""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .pdfcolumns import Char

Matrix = tuple[float, float, float, float, float, float]  # a b c d e f, as in PDF
ToPage = Callable[[float, float], tuple[float, float]]  # PDF space → the page as read: x, y downwards
Edge = dict[str, Any]  # a ruling line, as pdfplumber's table finder takes it
Box = tuple[float, float, float, float]  # x0, top, x1, bottom

_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_STRAIGHT = 0.1  # points: a segment leaning less than this is horizontal or vertical
_MAX_DEPTH = 3  # how deep forms inside forms are looked into


@dataclass
class Drawing:
    """What a page draws besides text: its path objects, each with the matrix of the forms it lies in;
    how many segments (lines, curves) the paths have; how many images it shows."""

    paths: list[tuple[Any, Matrix]] = field(default_factory=list)
    segments: int = 0
    images: int = 0


def drawing(page: Any) -> Drawing:
    """Raw calls: the wrappers of page.get_objects() cost a fifth of a second on a 90-page plan."""
    import pypdfium2.raw as pdfium_c

    found = Drawing()
    _walk(page, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, _IDENTITY, found, 0)
    return found


def _walk(owner: Any, count: Any, get: Any, outer: Matrix, found: Drawing, depth: int) -> None:
    import pypdfium2.raw as pdfium_c

    for i in range(count(owner)):
        obj = get(owner, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            found.paths.append((obj, outer))
            found.segments += max(pdfium_c.FPDFPath_CountSegments(obj), 0)
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            found.images += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_DEPTH:
            inner = _then(_matrix(obj), outer)  # a form's objects are placed in the form's space
            _walk(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, inner, found, depth + 1)


def ruling_edges(paths: list[tuple[Any, Matrix]], to_page: ToPage) -> list[Edge]:
    """The horizontal and vertical straight segments of the paths (lines, the sides of rectangles), in
    the page's reading coordinates."""
    return [edge for obj, outer in paths for edge in _path_edges(obj, _then(_matrix(obj), outer), to_page)]


def _matrix(obj: Any) -> Matrix:
    import pypdfium2.raw as pdfium_c

    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _then(first: Matrix, second: Matrix) -> Matrix:
    """The matrix applying `first`, then `second`."""
    a, b, c, d, e, f = first
    A, B, C, D, E, F = second
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _path_edges(obj: Any, m: Matrix, to_page: ToPage) -> list[Edge]:
    """The straight horizontal and vertical pieces of a path: its line segments and closing lines
    (curves are no ruling lines)."""
    import pypdfium2.raw as pdfium_c

    x, y = ctypes.c_float(), ctypes.c_float()
    edges: list[Edge] = []
    start = current = None
    for i in range(max(pdfium_c.FPDFPath_CountSegments(obj), 0)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        point = to_page(m[0] * x.value + m[2] * y.value + m[4], m[1] * x.value + m[3] * y.value + m[5])
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and current is not None:
            edges += _edge(current, point)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or start is None:
            start = point
        current = point
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            edges += _edge(current, start)
            current = start
    return edges


def _edge(p0: tuple[float, float], p1: tuple[float, float]) -> list[Edge]:
    (x0, y0), (x1, y1) = sorted((p0, p1))
    if abs(y1 - y0) < _STRAIGHT:
        orientation, y1 = "h", y0
    elif abs(x1 - x0) < _STRAIGHT:
        orientation, x1 = "v", x0
    else:
        return []
    top, bottom = min(y0, y1), max(y0, y1)
    edge = {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0, "height": bottom - top}
    return [{**edge, "orientation": orientation, "object_type": "line_edge"}]


def find_tables(edges: list[Edge], chars: list[Char]) -> list[tuple[Box, list[list[list[Char]]]]]:
    """Each ruled table's box and its rows of cells, each cell the characters whose middle lies in it,
    as pdfplumber's `page.find_tables()` with its default settings would find them."""
    from pdfplumber.table import (
        Table,
        TableSettings,
        cells_to_tables,
        edges_to_intersections,
        intersections_to_cells,
        merge_edges,
    )

    s = TableSettings.resolve(None)
    edges = [e for e in edges if max(e["width"], e["height"]) >= s.edge_min_length_prefilter]
    if not edges:
        return []
    edges = merge_edges(edges, s.snap_x_tolerance, s.snap_y_tolerance, s.join_x_tolerance, s.join_y_tolerance)
    edges = [e for e in edges if max(e["width"], e["height"]) >= s.edge_min_length]
    intersections = edges_to_intersections(edges, s.intersection_x_tolerance, s.intersection_y_tolerance)
    tables = []
    for cells in cells_to_tables(intersections_to_cells(intersections)):
        table = Table(None, cells)  # pdfplumber needs the page only for its own text extraction
        rows = [[_inside(cell, chars) for cell in row.cells if cell is not None] for row in table.rows]
        tables.append((table.bbox, rows))
    return tables


def _inside(cell: Box, chars: list[Char]) -> list[Char]:
    x0, top, x1, bottom = cell
    return [c for c in chars if x0 <= (c[1] + c[2]) / 2 < x1 and top <= (c[3] + c[4]) / 2 < bottom]
