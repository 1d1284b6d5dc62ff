#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Independent check of the Tân Uyên sample data.

Re-implements the classification of docs/rules.md#classification (backlog, received,
finished, pending for a period; cutoff = end of the last day 23:59:59;
finish = NgayKetThucXuLy else NgayTra; finishes after the cutoff ignored),
prints the appendix (PHỤ LỤC, docs/rules.md#appendix) and compares every cell with the
published table. Also recomputes every due date (docs/rules.md#deadlines) on the
working calendar of motcua's built-in calendar files (Templates/calendar/)
and checks that it equals the exported NgayHenTra. With --motcua-json, the
figures of motcua's own JSON report of the period (total and every unit:
on-time classes, pending classes, channels, levels, rates) must equal the
checker's too.

    python3 Scripts/sample-data/check_tan_uyen.py --period 2020-10 [--motcua-json report.json]

Scripts/check-sample-data.sh runs it in CI (Scripts/test.sh).
Exit status: 0 when everything matches, 1 on any mismatch, 2 on bad usage.
Standard library only; shares no code with generate_tan_uyen.py.
"""

import argparse
import calendar as _cal
import math as _math
import csv
import io
import json
import os
import re
import sys
import unicodedata
from datetime import date, datetime, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.abspath(os.path.join(HERE, "..", "..", "SampleData", "tan-uyen-2020-10"))
CALENDAR = os.path.abspath(os.path.join(HERE, "..", "..", "Templates", "calendar"))


# ------------------------------------------------------------------ helpers
def nfc(s):
    return unicodedata.normalize("NFC", s or "").strip()


def fold(s):
    """Lower-case, no accents, no spaces/punctuation (for header and name matching)."""
    s = unicodedata.normalize("NFD", nfc(s).replace("đ", "d").replace("Đ", "D"))
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn")
    return re.sub(r"[^0-9a-z]", "", s.lower())


ALIASES = {
    "MaHoSo": ["Mã hồ sơ", "Số hồ sơ", "Số biên nhận"],
    "MaDonVi": ["Mã đơn vị", "Mã cơ quan"],
    "DonViXuLy": ["Đơn vị", "Tên đơn vị", "Cơ quan tiếp nhận"],
    "MaTTHC": ["Mã thủ tục", "Mã TTHC"],
    "TenTTHC": ["Tên thủ tục"],
    "KenhThucHien": ["Kênh nộp", "Hình thức nộp"],
    "MucDo": ["Mức độ", "Mức độ DVC"],
    "NgayTiepNhan": ["Ngày tiếp nhận", "Ngày nhận"],
    "NgayHenTra": ["Ngày hẹn trả", "Hạn xử lý"],
    "NgayKetThucXuLy": ["Ngày hoàn thành", "Ngày có kết quả", "Ngày kết thúc xử lý"],
    "NgayTra": ["Ngày trả kết quả", "Ngày trả"],
    "TrangThaiHoSo": ["Trạng thái"],
    "SoLanBoSung": ["Số lần bổ sung"],
    "NgayYeuCauBoSung": ["Ngày yêu cầu bổ sung"],
    "NgayTiepNhanBoSung": ["Ngày nhận bổ sung"],
    "SoLanXinLoi": ["Phiếu xin lỗi", "Số lần xin lỗi"],
    "NgayHenTraMoi": ["Ngày hẹn trả lại", "Ngày hẹn mới"],
}
HEADER_MAP = {}
for canon, al in ALIASES.items():
    for name in [canon] + al:
        HEADER_MAP[fold(name)] = canon


def read_csv(path, aliases=False):
    with open(path, "rb") as fh:
        raw = fh.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    text = raw.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = [nfc(h) for h in rows[0]]
    out = []
    for line in rows[1:]:
        if not any(c.strip() for c in line):
            continue
        rec = {}
        for h, v in zip(header, line):
            rec[HEADER_MAP.get(fold(h), h) if aliases else h] = nfc(v)
        out.append(rec)
    return out


DATE_FORMATS = ["%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S",
                "%Y-%m-%d", "%Y%m%d%H%M%S"]


def parse_ts(s):
    """Returns (datetime, date_only) or (None, False)."""
    s = (s or "").strip()
    if not s:
        return None, False
    for f in DATE_FORMATS:
        try:
            t = datetime.strptime(s, f)
        except ValueError:
            continue
        return t, ("%H" not in f)
    raise ValueError("unparseable timestamp %r" % s)


# ------------------------------------------------------------- calendar
class WorkCalendar:
    SPANS = ((7.5, 11.5), (13.5, 17.0))  # working hours, in hours of the day

    def __init__(self, days_off, make_up, years):
        self.days_off = set(days_off)
        self.make_up = set(make_up)
        self.years = set(years)

    def working(self, d):
        if d.year not in self.years:
            # The built-in holiday rules (docs/rules.md#holidays) are not re-implemented here.
            raise SystemExit("no calendar file in Templates/calendar/ for %d: the checker only knows the shipped years"
                             % d.year)
        return d in self.make_up or (d.weekday() < 5 and d not in self.days_off)

    def spans(self, d):
        base = datetime(d.year, d.month, d.day)
        return [(base + timedelta(hours=a), base + timedelta(hours=b)) for a, b in self.SPANS]

    def day_length(self):
        return sum(b - a for a, b in self.SPANS) * 3600

    def advance(self, t, seconds):
        """Walk forward `seconds` of working time from t."""
        remaining = timedelta(seconds=seconds)
        d = t.date()
        while True:
            if self.working(d):
                for a, b in self.spans(d):
                    lo = max(a, t)
                    if lo >= b:
                        continue
                    if lo + remaining <= b:
                        return lo + remaining
                    remaining -= b - lo
            d += timedelta(days=1)
            t = datetime(d.year, d.month, d.day)


def load_calendar(calendar_dir):
    """The days off and make-up days of motcua's built-in calendar files
    (Templates/calendar/<year>.csv), the one source of holiday data; a year
    takes its days off from its file (docs/rules.md#holidays)."""
    days_off, make_up, years = [], [], []
    for name in sorted(os.listdir(calendar_dir)):
        if not re.fullmatch(r"\d{4}\.csv", name):
            continue
        with open(os.path.join(calendar_dir, name), encoding="utf-8-sig") as fh:
            for line in fh:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                fields = [f.strip() for f in line.split(",", 2)]
                if fold(fields[0]) in ("date", "ngay"):
                    continue
                day = datetime.strptime(fields[0], "%Y-%m-%d").date()
                kind = fold(fields[1])
                if kind == "nghi":
                    days_off.append(day)
                    years.append(day.year)
                elif kind == "lambu":
                    make_up.append(day)
                else:
                    raise SystemExit("%s: unknown kind %r" % (name, fields[1]))
    return WorkCalendar(days_off, make_up, years)


def recompute_due(cal, received, channel, dur, unit):
    start = received
    if channel in (1, 3) and cal.working(start.date()):
        after3 = start.replace(hour=15, minute=0, second=0, microsecond=0)
        if after3 < start < start.replace(hour=17, minute=0, second=0, microsecond=0):
            nd = start.date() + timedelta(days=1)
            while not cal.working(nd):
                nd += timedelta(days=1)
            start = datetime(nd.year, nd.month, nd.day, 7, 30)
    start = cal.advance(start, 0)  # next working instant
    if unit == "ngay-lam-viec":
        return cal.advance(start, dur * cal.day_length())
    if unit == "gio-lam-viec":
        return cal.advance(start, dur * 3600)
    if unit == "ngay":
        d = start.date() + timedelta(days=_math.ceil(dur))  # a fraction of a day counts as a whole day
        while not cal.working(d):
            d += timedelta(days=1)
        return datetime(d.year, d.month, d.day, 17, 0)
    raise ValueError(unit)


# --------------------------------------------------------------- period
def parse_period(p):
    m = re.fullmatch(r"(\d{4})-(\d{2})", p)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        return date(y, mo, 1), date(y, mo, _cal.monthrange(y, mo)[1])
    m = re.fullmatch(r"(\d{4})-Q([1-4])", p)
    if m:
        y, q = int(m.group(1)), int(m.group(2))
        return date(y, 3 * q - 2, 1), date(y, 3 * q, _cal.monthrange(y, 3 * q)[1])
    m = re.fullmatch(r"(\d{4})-H([12])", p)
    if m:
        y, h = int(m.group(1)), int(m.group(2))
        return (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))
    m = re.fullmatch(r"(\d{4})-9T", p)
    if m:
        return date(int(m.group(1)), 1, 1), date(int(m.group(1)), 9, 30)
    m = re.fullmatch(r"(\d{4})", p)
    if m:
        return date(int(p), 1, 1), date(int(p), 12, 31)
    raise SystemExit("bad --period %r" % p)


# --------------------------------------------------------------- levels
def level_of(s):
    f = fold(s)
    if f in ("1", "2", "3", "4"):
        return int(f)
    m = re.fullmatch(r"mucdo([1-4])", f)
    if m:
        return int(m.group(1))
    if f == "motphan":
        return 3
    if f == "toantrinh":
        return 4
    return None


STATUS_WORDS = {
    "moidangky": 1, "duoctiepnhan": 2, "khongduoctiepnhan": 3, "dangxuly": 4, "yeucaubosung": 5,
    "yeucauthuchiennghiavutaichinh": 6, "congdanyeucauruthoso": 7, "dungxuly": 8,
    "daxulyxong": 9, "datraketqua": 10,
}


def status_of(s):
    f = fold(s)
    if not f:
        return None
    if f.isdigit():
        return int(f)
    return STATUS_WORDS[f]


def channel_of(s):
    f = fold(s)
    if not f:
        return 1
    if f in ("1", "2", "3"):
        return int(f)
    return {"tructiep": 1, "tructuyen": 2, "buuchinh": 3}[f]


# ------------------------------------------------------------- classify
COLS = ["hstn_tong", "tthc_tong", "hstn_md2", "tthc_md2", "hstn_md3_truc_tiep", "hstn_md3_truc_tuyen", "tthc_md3",
        "hstn_md4_truc_tiep", "hstn_md4_truc_tuyen", "tthc_md4", "ho_so_ton", "tiep_nhan_mcdt",
        "tiep_nhan_truc_tuyen", "da_giai_quyet_md2", "da_giai_quyet_md3", "da_giai_quyet_md4", "chua_giai_quyet",
        "ty_le_giai_quyet"]


def new_acc():
    return dict(backlog=0, received=0, rec_lv={2: 0, 3: 0, 4: 0, 0: 0}, rec_online_lv={2: 0, 3: 0, 4: 0, 0: 0},
                direct=0, online=0, postal=0, finished=0, fin_lv={2: 0, 3: 0, 4: 0, 0: 0},
                early=0, on_time=0, late=0, unclassified=0, pend_in=0, pend_over=0, pend_wait=0)


def classify(dossiers, procs, d_from, d_to):
    start = datetime(d_from.year, d_from.month, d_from.day)
    cutoff = datetime(d_to.year, d_to.month, d_to.day, 23, 59, 59)
    per_unit = {}
    skipped = dict(status3=0, status1=0, after_cutoff=0, before_done=0)
    late_list = []
    for r in dossiers:
        st = status_of(r.get("TrangThaiHoSo"))
        rec_t, _ = parse_ts(r.get("NgayTiepNhan"))
        if st == 3:
            skipped["status3"] += 1
            continue
        if rec_t is None:
            if st == 1:
                skipped["status1"] += 1
                continue
            raise SystemExit("dossier %s has no NgayTiepNhan (status %s)" % (r["MaHoSo"], st))
        if rec_t > cutoff:
            skipped["after_cutoff"] += 1
            continue
        fin, _ = parse_ts(r.get("NgayKetThucXuLy"))
        if fin is None:
            fin, _ = parse_ts(r.get("NgayTra"))
        if fin is not None and fin > cutoff:
            fin = None  # finished after the cutoff: pending at the cutoff
        backlog = rec_t < start and not (fin is not None and fin < start)
        received = start <= rec_t <= cutoff
        if not (backlog or received):
            skipped["before_done"] += 1
            continue
        lvl = level_of(r.get("MucDo"))
        if lvl is None:
            p = procs.get(fold(r.get("MaTTHC")))
            lvl = p["level"] if p else None
        lvl = lvl if lvl in (2, 3, 4) else 0
        ch = channel_of(r.get("KenhThucHien"))
        a = per_unit.setdefault(r["MaDonVi"], new_acc())
        if backlog:
            a["backlog"] += 1
        if received:
            a["received"] += 1
            a["rec_lv"][lvl] += 1
            if ch == 2:
                a["online"] += 1
                a["rec_online_lv"][lvl] += 1
            elif ch == 3:
                a["postal"] += 1
            else:
                a["direct"] += 1
        due, due_date_only = parse_ts(r.get("NgayHenTra"))
        if due is not None and (due_date_only or (due.hour, due.minute, due.second) == (0, 0, 0)):
            due = due.replace(hour=17, minute=0, second=0)
        if fin is not None and start <= fin <= cutoff:
            a["finished"] += 1
            a["fin_lv"][lvl] += 1
            if st in (7, 8) or due is None:  # withdrawn, stopped, or nothing to judge by
                a["unclassified"] += 1
            elif fin.date() < due.date():
                a["early"] += 1
            elif fin <= due:
                a["on_time"] += 1
            else:
                a["late"] += 1
                late_list.append((r["MaDonVi"], r["MaHoSo"], due, fin, r.get("SoLanXinLoi") or "0"))
        else:
            q, _ = parse_ts(r.get("NgayYeuCauBoSung"))
            arr, _ = parse_ts(r.get("NgayTiepNhanBoSung"))
            arrived = arr is not None and arr <= cutoff
            if q is not None:  # requested by the cutoff, and nothing arrived after the request
                waiting = q <= cutoff and not (arrived and arr >= q)
            else:  # no request date: the current status 5 stands in for it
                waiting = st == 5 and not arrived
            if waiting:
                a["pend_wait"] += 1
            elif due is None or due >= cutoff:
                a["pend_in"] += 1
            else:
                a["pend_over"] += 1
                late_list.append((r["MaDonVi"], r["MaHoSo"], due, None, r.get("SoLanXinLoi") or "0"))
    return per_unit, skipped, late_list


def add_acc(dst, src):
    for k, v in src.items():
        if isinstance(v, dict):
            for kk, vv in v.items():
                dst[k][kk] += vv
        else:
            dst[k] += v


def rate_tenths(num, den):
    """num/den*100 rounded half-up to one decimal, as an integer number of tenths."""
    if den == 0:
        return 0
    return (2 * num * 1000 + den) // (2 * den)


def appendix_row(a, tthc):
    rec_lv, onl = a["rec_lv"], a["rec_online_lv"]
    pending = a["backlog"] + a["received"] - a["finished"]
    return {
        "hstn_tong": a["received"], "tthc_tong": tthc["total"],
        "hstn_md2": rec_lv[2], "tthc_md2": tthc[2],
        "hstn_md3_truc_tiep": rec_lv[3] - onl[3], "hstn_md3_truc_tuyen": onl[3], "tthc_md3": tthc[3],
        "hstn_md4_truc_tiep": rec_lv[4] - onl[4], "hstn_md4_truc_tuyen": onl[4], "tthc_md4": tthc[4],
        "ho_so_ton": a["backlog"], "tiep_nhan_mcdt": a["direct"] + a["postal"], "tiep_nhan_truc_tuyen": a["online"],
        "da_giai_quyet_md2": a["fin_lv"][2], "da_giai_quyet_md3": a["fin_lv"][3], "da_giai_quyet_md4": a["fin_lv"][4],
        "chua_giai_quyet": pending,
        "ty_le_giai_quyet": rate_tenths(a["finished"], a["backlog"] + a["received"]),
    }


def fmt_rate(tenths):
    return ("%d" % (tenths // 10)) if tenths % 10 == 0 else ("%d.%d" % (tenths // 10, tenths % 10))


# The figures of motcua's JSON (docs/rules.md#figures) that this checker
# computes too: name -> value from an accumulator.
def json_figures(a):
    with_class = a["early"] + a["on_time"] + a["late"]

    def pct(part, whole):
        return 0.0 if whole == 0 else part * 100.0 / whole

    out = {
        "backlog": a["backlog"], "received": a["received"], "received_direct": a["direct"],
        "received_online": a["online"], "received_postal": a["postal"], "finished": a["finished"],
        "early": a["early"], "on_time": a["on_time"], "late": a["late"], "unclassified": a["unclassified"],
        "pending": a["backlog"] + a["received"] - a["finished"], "pending_in_time": a["pend_in"],
        "pending_overdue": a["pend_over"], "pending_supplement": a["pend_wait"],
        "received_level3_online": a["rec_online_lv"][3], "received_level4_online": a["rec_online_lv"][4],
        "resolution_rate": pct(a["finished"], a["backlog"] + a["received"]),
        "on_time_rate": pct(a["early"] + a["on_time"], with_class), "late_rate": pct(a["late"], with_class),
        "online_rate": pct(a["online"], a["received"]),
    }
    for key, lv in (("2", 2), ("3", 3), ("4", 4), ("other", 0)):
        out["received_level." + key] = a["rec_lv"][lv]
        out["finished_level." + key] = a["fin_lv"][lv]
    return out


def compare_json(path, rollup, total):
    """Compares motcua's JSON report of the same period with this checker's
    figures: the total, and every unit entry by its code (whole subtree).
    Returns the number of differences."""
    with open(path, encoding="utf-8") as fh:
        doc = json.load(fh)
    entries = [("TỔNG CỘNG", doc["total"], total)]
    for u in doc.get("units", []):
        if u.get("own") is True:  # a root's own row: not a subtree
            continue
        entries.append((u["code"], u, rollup.get(u["code"], new_acc())))
    diffs = compared = 0
    for label, got, acc in entries:
        for name, want in json_figures(acc).items():
            value = got
            for part in name.split("."):
                value = value.get(part) if isinstance(value, dict) else None
            if value is None:
                continue  # a figure this version of the JSON does not carry
            compared += 1
            if abs(float(value) - want) > 1e-9:
                diffs += 1
                print("JSON MISMATCH: %s / %s: motcua %s, checker %s" % (label, name, value, want))
    print("Compared %d figures of %d rows with %s: %s." % (
        compared, len(entries), os.path.basename(path), "all equal" if diffs == 0 else "%d mismatches" % diffs))
    if compared == 0:
        print("JSON MISMATCH: no figure of %s could be compared" % path)
        diffs += 1
    return diffs


# ------------------------------------------------------------------ main
def main(argv=None):
    ap = argparse.ArgumentParser(description="Check the Tân Uyên sample data against the published appendix.")
    ap.add_argument("--period", default="2020-10")
    ap.add_argument("--data", default=DATA, help="folder with dossiers.csv, units.csv, procedures.csv")
    ap.add_argument("--reference", default=None,
                    help="published appendix CSV (default: DATA/published-phu-luc-2020-10.csv for --period 2020-10)")
    ap.add_argument("--calendar", default=CALENDAR, help="folder of calendar files (default: motcua's built-in ones)")
    ap.add_argument("--no-due-check", action="store_true", help="skip the due-date recomputation check")
    ap.add_argument("--motcua-json", default=None,
                    help="motcua's JSON report of the same period (report --json): its figures must equal the checker's")
    args = ap.parse_args(argv)
    d_from, d_to = parse_period(args.period)
    ref_path = args.reference
    if ref_path is None and args.period == "2020-10":
        ref_path = os.path.join(args.data, "published-phu-luc-2020-10.csv")

    units = read_csv(os.path.join(args.data, "units.csv"))
    proc_rows = read_csv(os.path.join(args.data, "procedures.csv"))
    dossiers = read_csv(os.path.join(args.data, "dossiers.csv"), aliases=True)

    procs = {}
    for p in proc_rows:
        procs[fold(p["MaTTHC"])] = dict(level=level_of(p.get("MucDo")), cap=p.get("CapThucHien", ""),
                                        dur=float(p["ThoiGianGiaiQuyet"]),
                                        unit=p.get("DonViThoiGian") or "ngay-lam-viec")
    # units: tree, rows = every non-root unit in ThuTu order
    parent = {u["MaDonVi"]: u.get("MaDonViCha", "") for u in units}
    caps = {u["MaDonVi"]: u.get("Cap", "") for u in units}
    names = {u["MaDonVi"]: u["TenDonVi"] for u in units}
    order = sorted((u for u in units if u.get("MaDonViCha")), key=lambda u: int(u.get("ThuTu") or 0))

    def ancestors(code):
        seen = []
        while code:
            seen.append(code)
            code = parent.get(code, "")
        return seen

    def tthc_for(cap):
        t = {"total": 0, 2: 0, 3: 0, 4: 0}
        for p in procs.values():
            allowed = [fold(x) for x in re.split(r"[;,|]", p["cap"]) if x.strip()]
            if allowed and fold(cap) not in allowed:
                continue
            t["total"] += 1
            if p["level"] in (2, 3, 4):
                t[p["level"]] += 1
        return t

    per_unit, skipped, late_list = classify(dossiers, procs, d_from, d_to)
    rollup = {}
    total = new_acc()
    for code, a in per_unit.items():
        add_acc(total, a)
        for anc in ancestors(code):
            add_acc(rollup.setdefault(anc, new_acc()), a)

    rows = []
    for u in order:
        a = rollup.get(u["MaDonVi"], new_acc())
        rows.append((u.get("ThuTu"), u["TenDonVi"], appendix_row(a, tthc_for(caps[u["MaDonVi"]])), a))
    catalogue = {"total": len(procs), 2: 0, 3: 0, 4: 0}
    for p in procs.values():
        if p["level"] in (2, 3, 4):
            catalogue[p["level"]] += 1
    total_row = appendix_row(total, catalogue)

    # ---- print the appendix
    print("PHỤ LỤC — kỳ %s (%s .. %s), số liệu tính đến 23:59:59 ngày %s" % (
        args.period, d_from.strftime("%d/%m/%Y"), d_to.strftime("%d/%m/%Y"), d_to.strftime("%d/%m/%Y")))
    head = ["STT", "TÊN CƠ QUAN"] + ["HSTN", "TTHC", "MĐ2", "TTHC2", "MĐ3tt", "MĐ3tt*", "TTHC3", "MĐ4tt", "MĐ4tt*",
                                     "TTHC4", "TỒN", "MCĐT", "TTUYẾN", "GQ2", "GQ3", "GQ4", "CHƯA", "TỶ LỆ%"]
    w_name = 31
    print("%-4s %-*s " % (head[0], w_name, head[1]) + " ".join("%6s" % h for h in head[2:]))

    def line(stt, name, row):
        cells = [str(row[c]) for c in COLS[:-1]] + [fmt_rate(row["ty_le_giai_quyet"])]
        return "%-4s %-*s " % (stt, w_name, name[:w_name]) + " ".join("%6s" % c for c in cells)

    for stt, name, row, _ in rows:
        print(line(stt, name, row))
    print(line("", "TỔNG CỘNG", total_row))
    print()
    print("Rows not counted: %d not accepted (status 3), %d registered online without NgayTiepNhan (status 1), "
          "%d received after the cutoff, %d finished before the period." % (
              skipped["status3"], skipped["status1"], skipped["after_cutoff"], skipped["before_done"]))
    print("On-time (finished): %d trước hạn, %d đúng hạn, %d trễ hạn, %d không xét hạn (rút/dừng)." % (
        total["early"], total["on_time"], total["late"], total["unclassified"]))
    print("Pending at the cutoff: %d trong hạn, %d quá hạn, %d chờ bổ sung; level 'other' received: %d." % (
        total["pend_in"], total["pend_over"], total["pend_wait"], total["rec_lv"][0]))
    no_apology = [x for x in late_list if x[4] in ("", "0")]
    many = [x for x in late_list if x[4] not in ("", "0", "1")]
    print("Overdue list: %d dossiers (%d finished late, %d pending past due); %d without an apology letter, "
          "%d with more than one." % (len(late_list), sum(1 for x in late_list if x[3]),
                                      sum(1 for x in late_list if not x[3]), len(no_apology), len(many)))

    failures = 0
    # ---- compare with the reference
    if ref_path:
        with open(ref_path, encoding="utf-8-sig") as fh:
            ref = list(csv.DictReader(fh))
        by_name = {fold(name): row for _, name, row, _ in rows}
        compared = 0
        for rr in ref:
            stt = rr["stt"].strip()
            if fold(stt) == "tongcong":
                mine, label = total_row, "TỔNG CỘNG"
            else:
                mine, label = by_name.get(fold(rr["ten_co_quan"])), rr["ten_co_quan"]
                if mine is None:
                    print("MISMATCH: unit %r of the reference is not in units.csv" % label)
                    failures += 1
                    continue
            for col in COLS:
                want = rr[col].strip().replace(",", ".")
                if want == "":
                    continue  # TỔNG CỘNG rate is blank in the published table
                compared += 1
                if col == "ty_le_giai_quyet":
                    ok = mine[col] == int(round(float(want) * 10))
                    got = fmt_rate(mine[col])
                else:
                    ok = mine[col] == int(want)
                    got = mine[col]
                if not ok:
                    failures += 1
                    print("MISMATCH: %s / %s: reference %s, data %s" % (label, col, want, got))
        if len(ref) != len(rows) + 1:
            print("MISMATCH: reference has %d rows, data %d (+ total)" % (len(ref), len(rows)))
            failures += 1
        print("Compared %d cells with %s: %s." % (
            compared, os.path.basename(ref_path), "all equal" if failures == 0 else "%d mismatches" % failures))

    # ---- motcua's own figures
    if args.motcua_json:
        failures += compare_json(args.motcua_json, rollup, total)

    # ---- due dates
    if not args.no_due_check:
        cal = load_calendar(args.calendar)
        checked = diff = unknown = 0
        for r in dossiers:
            p = procs.get(fold(r.get("MaTTHC")))
            rec_t, _ = parse_ts(r.get("NgayTiepNhan"))
            due, _ = parse_ts(r.get("NgayHenTra"))
            if rec_t is None or due is None:
                continue
            if p is None:
                unknown += 1
                continue
            arr, _ = parse_ts(r.get("NgayTiepNhanBoSung"))
            base = arr if arr is not None else rec_t
            want = recompute_due(cal, base, channel_of(r.get("KenhThucHien")), p["dur"], p["unit"])
            checked += 1
            if want != due:
                diff += 1
                if diff <= 10:
                    print("DUE MISMATCH: %s exported %s, recomputed %s" % (r["MaHoSo"], due, want))
        print("Due dates: %d recomputed, %d differ; %d not recomputable (procedure not in the catalogue)." % (
            checked, diff, unknown))
        failures += diff

    if failures:
        print("FAILED")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
