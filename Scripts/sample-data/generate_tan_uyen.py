#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Generate the synthetic Tân Uyên sample data (SampleData/tan-uyen-2020-10/).

The October 2020 figures of the generated export reproduce, cell for cell, the
appendix (PHỤ LỤC) of letter 1980/UBND-VP of 30/10/2020 of UBND huyện Tân
Uyên, when classified by the rules of docs/rules.md#classification (cutoff 31/10/2020
23:59:59). Everything else (names, times, procedures, the September and
November dossiers) is synthetic.

Standard library only; deterministic (fixed seed): running it twice gives
byte-identical files.

    python3 Scripts/sample-data/generate_tan_uyen.py [--out DIR]

Check the result with check_tan_uyen.py (an independent re-implementation of
the classification).
"""

import argparse
import csv
import io
import os
import random
import sys
import unicodedata
from collections import Counter, OrderedDict
from datetime import date, datetime, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # leave no __pycache__ in the repository
sys.path.insert(0, HERE)
from catalogue_tan_uyen import FIELDS, GLV, NGAY, NLV, build_catalogue  # noqa: E402

SEED = 20201030
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
DEFAULT_OUT = os.path.join(REPO, "SampleData", "tan-uyen-2020-10")

# --------------------------------------------------------------------------
# Calendar: Mon-Fri, 07:30-11:30 and 13:30-17:00, with the days off and
# make-up days of the calendar motcua compiles in (Templates/calendar/*.csv,
# the one source of holiday data: docs/calendar.md). In 2020 Quốc khánh was
# the single day 2/9; the second day came with the 2019 Labour Code in 2021.
CALENDAR_DIR = os.path.join(REPO, "Templates", "calendar")
CALENDAR_YEARS = (2020,)  # the export covers 01/09/2020-05/11/2020


def shipped_calendar(years):
    """Days off and make-up days of `years`, read from Templates/calendar/<year>.csv.

    The sample's due dates must agree with what motcua computes, so the
    generator reads the same file as the binary instead of a copy of it.
    """
    off, make_up = set(), set()
    for year in years:
        path = os.path.join(CALENDAR_DIR, "%d.csv" % year)
        with open(path, encoding="utf-8-sig") as fh:
            for line in fh:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                date_text, kind = [f.strip() for f in line.split(",", 2)[:2]]
                if date_text.lower() in ("date", "ngay", "ngày"):
                    continue
                day = datetime.strptime(date_text, "%Y-%m-%d").date()
                kind = unicodedata.normalize("NFC", kind).lower().replace("_", "-").replace(" ", "-")
                if kind in ("nghi", "nghỉ"):
                    off.add(day)
                elif kind in ("lam-bu", "làm-bù"):
                    make_up.add(day)
                else:
                    raise SystemExit("%s: unknown kind %r" % (path, kind))
        if not any(d.year == year for d in off):
            raise SystemExit("%s lists no day off: the generator needs the year's holidays" % path)
    return off, make_up


HOLIDAYS, MAKE_UP_DAYS = shipped_calendar(CALENDAR_YEARS)
WORK = [(7 * 3600 + 1800, 11 * 3600 + 1800), (13 * 3600 + 1800, 17 * 3600)]
DAY_SECS = sum(b - a for a, b in WORK)  # 27000 = 7.5 h
T1500 = 15 * 3600

OCT_START = datetime(2020, 10, 1)
CUTOFF = datetime(2020, 10, 31, 23, 59, 59)
OCT_LAST = datetime(2020, 10, 30, 17, 0)      # last working moment in October
SEP_LAST = datetime(2020, 9, 30, 17, 0)
OCT_FIRST_WORK = datetime(2020, 10, 1, 7, 30)
NOV_FIRST_WORK = datetime(2020, 11, 2, 7, 30)
NOV_LAST_WORK = datetime(2020, 11, 5, 17, 0)
EXPORT = datetime(2020, 11, 5, 17, 30)        # time the export was taken


def is_workday(d):
    return d in MAKE_UP_DAYS or (d.weekday() < 5 and d not in HOLIDAYS)


def at(d, secs):
    return datetime(d.year, d.month, d.day) + timedelta(seconds=secs)


def sod(t):
    return t.hour * 3600 + t.minute * 60 + t.second


def next_workday(d):
    d += timedelta(days=1)
    while not is_workday(d):
        d += timedelta(days=1)
    return d


def next_work(t):
    """The first working instant at or after t."""
    d, s = t.date(), sod(t)
    if is_workday(d):
        for a, b in WORK:
            if s < a:
                return at(d, a)
            if s < b:
                return t
    return at(next_workday(d), WORK[0][0])


def add_work(t, secs):
    """t plus `secs` seconds of working time."""
    t = next_work(t)
    secs = int(secs)
    while True:
        d, s = t.date(), sod(t)
        end = [b for a, b in WORK if a <= s < b][0]
        avail = end - s
        if secs <= avail:
            return t + timedelta(seconds=secs)
        secs -= avail
        t = next_work(at(d, end))


def work_between(a, b):
    """Working seconds in [a, b)."""
    if b <= a:
        return 0
    total, d = 0, a.date()
    while d <= b.date():
        if is_workday(d):
            for s, e in WORK:
                lo, hi = max(at(d, s), a), min(at(d, e), b)
                if hi > lo:
                    total += int((hi - lo).total_seconds())
        d += timedelta(days=1)
    return total


def effective_start(r, channel):
    """Start of the deadline clock: 15:00 rule for desk/post, next working
    hour for anything received outside working hours."""
    if channel in (1, 3) and is_workday(r.date()) and WORK[0][0] <= sod(r) < WORK[-1][1] and sod(r) > T1500:
        return at(next_workday(r.date()), WORK[0][0])
    return next_work(r)


def compute_due(r, proc, channel):
    s = effective_start(r, channel)
    unit, dur = proc["unit"], proc["dur"]
    if unit == NLV:
        return add_work(s, round(dur * DAY_SECS))
    if unit == GLV:
        return add_work(s, round(dur * 3600))
    if unit == NGAY:
        d = s.date() + timedelta(days=int(dur))
        while not is_workday(d):
            d += timedelta(days=1)
        return at(d, WORK[-1][1])
    raise ValueError(unit)


def workdays(d0, d1):
    out, d = [], d0
    while d <= d1:
        if is_workday(d):
            out.append(d)
        d += timedelta(days=1)
    return out


SEP_DAYS = workdays(date(2020, 9, 1), date(2020, 9, 30))
OCT_DAYS = workdays(date(2020, 10, 1), date(2020, 10, 30))
NOV_DAYS = workdays(date(2020, 11, 2), date(2020, 11, 5))


def fmt(t):
    return t.strftime("%d/%m/%Y %H:%M:%S") if t else ""


# --------------------------------------------------------------------------
# Units and the October 2020 targets (= reference appendix, docs/rules.md#appendix).
ROOT = ("TU", "UBND huyện Tân Uyên", "huyen", "", 0, "H29.25.00")
UNITS = [
    # code, name, cap, dossier-code prefix, ethnic mix (Kinh, Thái, Mông, Dao)
    ("TU.BPMC", "Bộ phận TN&TKQ Huyện Tân Uyên", "huyen", "H29.25", (6, 3, 1, 0)),
    ("TU.MUONGKHOA", "UBND xã Mường Khoa", "xa", "H29.25.02", (1, 6, 2, 0)),
    ("TU.BQLDA", "Ban quản lý dự án- Tân Uyên", "ban-ql", "H29.25.03", (6, 3, 1, 0)),
    ("TU.NAMSO", "UBND xã Nậm Sỏ", "xa", "H29.25.04", (1, 4, 3, 2)),
    ("TU.TRUNGDONG", "UBND xã Trung Đồng", "xa", "H29.25.05", (3, 6, 1, 0)),
    ("TU.HOMIT", "UBND xã Hồ Mít", "xa", "H29.25.06", (0, 2, 8, 0)),
    ("TU.PHUCKHOA", "UBND xã Phúc Khoa", "xa", "H29.25.07", (1, 5, 2, 2)),
    ("TU.NAMCAN", "UBND xã Nậm Cắn", "xa", "H29.25.08", (1, 5, 4, 0)),
    ("TU.PACTA", "UBND xã Pắc Ta", "xa", "H29.25.09", (3, 5, 2, 0)),
    ("TU.TAMIT", "UBND xã Tà Mít", "xa", "H29.25.10", (1, 2, 7, 0)),
    ("TU.THANTHUOC", "UBND xã Thân Thuộc", "xa", "H29.25.11", (2, 7, 1, 0)),
]

# Reference appendix (tan-uyen-phu-luc-2020-10.csv): per unit
# received by level (2, 3, 4, other), online by level, backlog,
# finished by level (2, 3, 4).
TARGET = OrderedDict([
    ("TU.BPMC",      dict(rec=(78, 203, 0, 0),   onl=(0, 3, 0), backlog=5, fin=(70, 203, 0))),
    ("TU.MUONGKHOA", dict(rec=(23, 0, 0, 0),     onl=(0, 0, 0), backlog=0, fin=(18, 0, 0))),
    ("TU.BQLDA",     dict(rec=(0, 0, 0, 0),      onl=(0, 0, 0), backlog=0, fin=(0, 0, 0))),
    ("TU.NAMSO",     dict(rec=(19, 6, 0, 0),     onl=(0, 0, 0), backlog=0, fin=(9, 6, 0))),
    ("TU.TRUNGDONG", dict(rec=(57, 8, 0, 3),     onl=(0, 0, 0), backlog=0, fin=(57, 8, 0))),
    ("TU.HOMIT",     dict(rec=(182, 126, 6, 0),  onl=(0, 0, 0), backlog=0, fin=(182, 126, 6))),
    ("TU.PHUCKHOA",  dict(rec=(32, 97, 0, 0),    onl=(0, 0, 0), backlog=0, fin=(27, 97, 0))),
    ("TU.NAMCAN",    dict(rec=(196, 72, 0, 0),   onl=(0, 0, 0), backlog=0, fin=(194, 71, 0))),
    ("TU.PACTA",     dict(rec=(59, 8, 2, 0),     onl=(0, 0, 0), backlog=0, fin=(57, 8, 2))),
    ("TU.TAMIT",     dict(rec=(78, 25, 45, 0),   onl=(0, 0, 3), backlog=0, fin=(78, 25, 45))),
    ("TU.THANTHUOC", dict(rec=(468, 114, 0, 0),  onl=(0, 0, 0), backlog=1, fin=(466, 113, 0))),
])

# The plan of deliberate cases. Level 0 = "other" (procedure not in the
# catalogue, MucDo blank).
#  postal:  postal (3) dossiers received in October, by level
#  pending: October receipts still pending at the cutoff, by level (their fate)
#  special: October receipts finished in October with a special story
#  backlog: (level, fate, procedure name, receipt window in September)
PLAN = {
    "TU.BPMC": dict(
        postal={2: 2, 3: 2},
        pending={2: ["intime_nov"] * 5 + ["intime_open", "intime_open", "intime_fin6", "supp_wait", "overdue_nov"],
                 3: ["intime_nov"]},
        special={2: ["late_noapology", "supp_fin", "supp_fin", "withdrawn"],
                 3: ["late_apology", "late_apology", "late_apology_missed", "supp_fin", "supp_fin",
                     "supp_fin", "supp2_fin"]},
        backlog=[
            (2, "bk_fin", "Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất", (21, 25)),
            (2, "bk_fin", "Tách thửa hoặc hợp thửa đất", (22, 29)),
            (2, "bk_overdue_open6", "Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền đối với hộ gia đình, cá nhân", (14, 17)),
            (3, "bk_late_apology", "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong các trường hợp chuyển đổi, chuyển nhượng, cho thuê, cho thuê lại, thừa kế, tặng cho, góp vốn bằng quyền sử dụng đất", (21, 24)),
            (3, "bk_overdue_nov", "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", (23, 29)),
        ]),
    "TU.MUONGKHOA": dict(
        pending={2: ["overdue_open", "overdue_nov", "intime_nov", "intime_nov", "supp_wait"]},
        special={2: ["late_apology", "late_apology2", "no_ketthuc", "no_ketthuc"]}),
    "TU.BQLDA": dict(),
    "TU.NAMSO": dict(
        pending={2: ["overdue_open", "overdue_open", "overdue_nov", "overdue_nov", "intime_nov", "intime_nov",
                     "intime_open", "intime_open", "supp_wait", "supp_wait_nov"]},
        special={2: ["late_apology"], 3: ["supp_fin"]}),
    "TU.TRUNGDONG": dict(
        pending={0: ["overdue_nov", "intime_open", "intime_nov"]},
        special={2: ["late_apology", "supp_fin", "withdrawn"]}),
    "TU.HOMIT": dict(
        postal={2: 3},
        special={2: ["late_apology", "supp_fin", "no_ketthuc", "no_ketthuc", "no_ketthuc"],
                 3: ["late_apology", "supp_fin", "withdrawn"]}),
    "TU.PHUCKHOA": dict(
        pending={2: ["intime_nov", "intime_nov", "intime_open", "overdue_nov", "supp_wait"]},
        special={2: ["late_apology"], 3: ["supp_fin"]}),
    "TU.NAMCAN": dict(
        postal={3: 2},
        pending={2: ["intime_nov", "intime_open"], 3: ["intime_nov"]},
        special={2: ["late_apology", "supp_fin", "withdrawn", "no_ketthuc", "no_ketthuc"], 3: ["supp_fin"]}),
    "TU.PACTA": dict(
        pending={2: ["overdue_nov", "intime_nov"]},
        special={2: ["supp_fin"]}),
    "TU.TAMIT": dict(
        postal={4: 1},
        special={2: ["late_apology"], 3: ["supp_fin"]}),
    "TU.THANTHUOC": dict(
        postal={2: 3, 3: 2},
        pending={2: ["intime_nov", "overdue_open"], 3: ["intime_nov", "supp_wait"]},
        special={2: ["late_apology", "supp_fin", "supp_fin", "stopped", "withdrawn", "no_ketthuc",
                     "no_ketthuc", "no_ketthuc"],
                 3: ["late_apology", "supp_fin"]},
        backlog=[
            (3, "bk_fin", "Cấp Giấy xác nhận tình trạng hôn nhân", (29, 30)),
        ]),
}

# Procedures that are not (any more) in the catalogue: the 3 Trung Đồng
# dossiers of level "other".
UNKNOWN_PROCS = [
    dict(code="T-LCH-264512-TT", name="Xác nhận hộ gia đình làm nông nghiệp, lâm nghiệp có mức sống trung bình giai đoạn 2016-2020",
         field=("BTXH", "Lao động - Thương binh và Xã hội: Bảo trợ xã hội - Trẻ em - Giảm nghèo"), dur=5, unit=NLV, level=0, cap="X"),
    dict(code="T-LCH-285417-TT", name="Xác nhận đơn đề nghị hỗ trợ theo Quyết định số 2085/QĐ-TTg đối với hộ dân tộc thiểu số",
         field=("DANTOC", "Công tác dân tộc"), dur=5, unit=NLV, level=0, cap="X"),
]

OFFICERS = {
    "TU.BPMC": ["Nguyễn Thị Thu Hà", "Lò Văn Hưng", "Trần Minh Đức", "Phạm Thị Hải Yến"],
    "TU.MUONGKHOA": ["Lò Thị Hương", "Tao Văn Thanh"],
    "TU.BQLDA": ["Đỗ Văn Quyết"],
    "TU.NAMSO": ["Giàng A Chu", "Lường Thị Ngọc"],
    "TU.TRUNGDONG": ["Hoàng Thị Nhung", "Lò Văn Khánh"],
    "TU.HOMIT": ["Vàng A Sử", "Lý Thị Mai"],
    "TU.PHUCKHOA": ["Tẩn Thị Chòi", "Lò Văn Tuấn"],
    "TU.NAMCAN": ["Lò Thị Duyên", "Thào A Páo"],
    "TU.PACTA": ["Vũ Thị Thanh Loan", "Lường Văn Hùng"],
    "TU.TAMIT": ["Sùng A Tủa", "Hầu Thị Pà"],
    "TU.THANTHUOC": ["Lò Thị Thoa", "Tòng Văn Sơn", "Điêu Thị Lan"],
}

# ---------------------------------------------------------------- names
KINH_SUR = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Dương", "Đinh", "Trịnh", "Đào"]
KINH_M = ["Văn An", "Văn Bình", "Đức Thắng", "Minh Tuấn", "Văn Hùng", "Quang Huy", "Văn Long", "Mạnh Cường",
          "Xuân Trường", "Văn Thành", "Đình Khoa", "Ngọc Sơn", "Văn Tâm", "Hữu Nghĩa"]
KINH_F = ["Thị Hoa", "Thu Hằng", "Thị Lan", "Thị Mai", "Thị Thu Trang", "Thị Hồng", "Thanh Huyền", "Thị Ngọc Ánh",
          "Thị Hạnh", "Thị Phương", "Thị Bích", "Thị Thảo", "Minh Nguyệt", "Thị Dung"]
THAI_SUR = ["Lò", "Lường", "Tòng", "Tao", "Cầm", "Vì", "Quàng", "Điêu", "Lù", "Hoàng", "Lê", "Kiềm"]
THAI_M = ["Văn Piếng", "Văn Xiêng", "Văn Khăm", "Văn Pánh", "Văn Hơn", "Văn Chum", "Văn Bun", "Văn Thoan",
          "Văn Dương", "Văn Phong", "Văn Tiến", "Văn Ún", "Văn Hặc", "Văn Sướng"]
THAI_F = ["Thị Ón", "Thị Ỏn", "Thị Chăm", "Thị Xuân", "Thị Hương", "Thị Sương", "Thị Luyến", "Thị Ngọc",
          "Thị Pấng", "Thị Ọn", "Thị Hiên", "Thị Kim", "Thị Inh", "Thị Thương"]
MONG_SUR = ["Giàng", "Vàng", "Thào", "Lý", "Sùng", "Mùa", "Hầu", "Chảo", "Hạng", "Lầu"]
MONG_M = ["A Páo", "A Sềnh", "A Chứ", "A Dế", "A Pó", "A Chá", "A Dia", "A Súa", "A Lử", "A Dính", "A Phừ",
          "A Vừ", "Seo Chư", "A Tủa"]
MONG_F = ["Thị Mỷ", "Thị Dở", "Thị Mua", "Thị Pà", "Thị Sua", "Thị Chi", "Thị Dợ", "Thị Máy", "Thị Say", "Thị Dinh"]
DAO_SUR = ["Tẩn", "Phàn", "Chảo", "Lý", "Triệu", "Đặng"]
DAO_M = ["Láo Sử", "Văn Chỉn", "A Sành", "Láo Quẩy", "Văn Tả", "Láo Lở", "Văn Chản", "Phủ Mẩy"]
DAO_F = ["Thị Chòi", "Thị Mẩy", "Thị Sành", "Thị Kiều", "Thị Dua", "Thị Tả"]
ETHNIC = [(KINH_SUR, KINH_M, KINH_F), (THAI_SUR, THAI_M, THAI_F), (MONG_SUR, MONG_M, MONG_F), (DAO_SUR, DAO_M, DAO_F)]


def person_name(rng, mix):
    sur, male, female = ETHNIC[rng.choices(range(4), weights=mix)[0]]
    return "%s %s" % (rng.choice(sur), rng.choice(male if rng.random() < 0.52 else female))


# ---------------------------------------------------------------- generator
class Gen:
    def __init__(self, seed=SEED):
        self.rng = random.Random(seed)
        self.procs = build_catalogue()
        self.assign_codes()
        self.by_name = {p["name"]: p for p in self.procs}
        self.records = []
        self.unit_cap = {u[0]: ("H" if u[2] in ("huyen", "ban-ql") else "X") for u in UNITS}
        self.unit_mix = {u[0]: u[4] for u in UNITS}
        self.unit_prefix = {u[0]: u[3] for u in UNITS}
        self.unit_name = {u[0]: u[1] for u in UNITS}

    # -- catalogue ---------------------------------------------------------
    def assign_codes(self):
        rng = random.Random(SEED + 1)
        used = {p["code"] for p in self.procs if p["code"]}
        fieldnames = dict(FIELDS)
        for p in self.procs:
            if not p["code"]:
                while True:
                    pre = rng.choices(["1", "2", "3"], weights=[6, 3, 1])[0]
                    hi = {"1": 11000, "2": 2700, "3": 400}[pre]
                    code = "%s.%06d" % (pre, rng.randint(1, hi))
                    if code not in used:
                        break
                p["code"] = code
            used.add(p["code"])
            p["full_code"] = p["code"] + ".000.00.00.H29"
            p["field_name"] = fieldnames[p["field"]]
            r = rng.random()
            p["congkhai"] = "2" if r < 0.86 else "1" if r < 0.95 else "0" if r < 0.975 else ""

    def pick_proc(self, cap, level, online=False):
        key = "online_w" if online else "weight"
        pool = [p for p in self.procs if p["cap"] == cap and p["level"] == level and p[key] > 0]
        if not pool:
            raise SystemExit("no procedure pool for cap=%s level=%s online=%s" % (cap, level, online))
        return self.rng.choices(pool, weights=[p[key] for p in pool])[0]

    # -- random instants --------------------------------------------------
    def rand_work(self, days):
        d = self.rng.choice(days)
        off = self.rng.randrange(0, DAY_SECS)
        a0, b0 = WORK[0]
        secs = a0 + off if off < b0 - a0 else WORK[1][0] + off - (b0 - a0)
        return at(d, secs)

    def rand_offhours(self, d0, d1):
        """An online submission outside working hours, between dates d0..d1."""
        rng = self.rng
        days = []
        d = d0
        while d <= d1:
            days.append(d)
            d += timedelta(days=1)
        d = rng.choice(days)
        if is_workday(d):
            secs = rng.choice([rng.randint(17 * 3600 + 600, 22 * 3600), rng.randint(5 * 3600, 7 * 3600)])
        else:
            secs = rng.randint(7 * 3600, 21 * 3600)
        return at(d, secs)

    def frac(self, lo=0.03, hi=0.97):
        return lo + (hi - lo) * self.rng.betavariate(1.4, 1.8)

    def return_after(self, f, limit=EXPORT):
        """NgayTra after a finish f (None when not yet returned by `limit`)."""
        rng = self.rng
        r = rng.random()
        if r < 0.62:
            t = add_work(f, rng.randint(120, 2400))
        elif r < 0.92:
            t = add_work(f, rng.randint(1, 2) * DAY_SECS - rng.randint(0, 7200))
        else:
            t = add_work(f, rng.randint(3, 5) * DAY_SECS)
        return t if t <= limit else None

    def day_end(self, d):
        return at(d, WORK[-1][1])

    # -- one dossier ------------------------------------------------------
    def new(self, unit, proc, channel, r, due, tag, level):
        return dict(unit=unit, proc=proc, channel=channel, R=r, D=due, F=None, T=None, status=None,
                    nbs=0, Q=None, A=None, nxl=0, N=None, tag=tag, level=level)

    def receipt(self, unit, channel, days, offhours=None):
        if channel == 2 and offhours:
            return self.rand_offhours(*offhours)
        return self.rand_work(days)

    def make(self, unit, level, channel, fate, window="oct", proc=None, sep_range=None, offhours=None):
        """Rejection-sample one dossier with the given fate."""
        rng = self.rng
        cap = self.unit_cap[unit]
        for attempt in range(5000):
            p = proc
            if p is None:
                if level == 0:
                    p = rng.choice(UNKNOWN_PROCS)
                else:
                    p = self.pick_proc(cap, level, online=(channel == 2 and level in (3, 4)))
            if not self.suitable(p, fate):
                continue
            if window == "oct":
                days = OCT_DAYS
            elif window == "sep":
                days = SEP_DAYS if not sep_range else [d for d in SEP_DAYS if sep_range[0] <= d.day <= sep_range[1]]
            else:
                days = NOV_DAYS
            if fate in ("intime_nov", "intime_open", "intime_fin6", "supp_wait", "supp_wait_nov"):
                days = [d for d in days if d.day >= (20 if fate.startswith("intime") else 12)]
            r = self.receipt(unit, channel, days, offhours)
            s = effective_start(r, channel)
            d0 = compute_due(r, p, channel)
            rec = self.new(unit, p, channel, r, d0, fate, level)
            ok = getattr(self, "fate_" + fate)(rec, s, d0)
            if ok:
                return rec
        raise SystemExit("could not sample %s %s level %s" % (unit, fate, level))

    @staticmethod
    def suitable(p, fate):
        """Keep the stories plausible: desk-speed procedures (copy certification
        in a few hours, half-day extracts) are not the ones that run late,
        get withdrawn or wait for documents."""
        if fate.startswith(("late", "overdue", "bk_late", "bk_overdue")):
            return p["unit"] == NGAY or (p["unit"] == NLV and p["dur"] >= 1)
        if fate in ("withdrawn", "stopped"):
            return p["unit"] == NGAY or (p["unit"] == NLV and p["dur"] >= 2)
        if fate.startswith("supp"):
            return p["unit"] != GLV and p["dur"] >= 1
        return True

    # finished in the window, on time
    def _finish_in(self, rec, s, due, limit, lo=0.03, hi=0.97):
        w = work_between(s, due)
        f = add_work(s, max(300, int(self.frac(lo, hi) * w)))
        if f > limit or f > due:
            return False
        rec["F"] = f
        return True

    def _returned(self, rec, limit=EXPORT, keep_prob=0.985):
        t = self.return_after(rec["F"], limit)
        if t is not None and self.rng.random() < keep_prob:
            rec["T"], rec["status"] = t, 10
        else:
            rec["T"], rec["status"] = None, 9

    def fate_fin(self, rec, s, due):
        if not self._finish_in(rec, s, due, OCT_LAST):
            return False
        self._returned(rec)
        return True

    def fate_no_ketthuc(self, rec, s, due):
        if not self._finish_in(rec, s, due, OCT_LAST):
            return False
        rec["T"], rec["F"], rec["status"] = rec["F"], None, 10
        rec["only_tra"] = True
        return True

    def fate_sep_fin(self, rec, s, due):
        rng = self.rng
        if rng.random() < 0.03:
            lateness = rng.randint(1800, 2 * DAY_SECS)
            f = add_work(due, lateness)
            if f > SEP_LAST:
                return False
            rec["F"] = f
            rec["nxl"] = 1
            rec["N"] = self.day_end(next_workday(f.date()) if rng.random() < 0.5 else f.date())
        elif not self._finish_in(rec, s, due, SEP_LAST):
            return False
        self._returned(rec, keep_prob=1.0)
        return True

    def _late(self, rec, due, min_late, max_late, limit):
        f = add_work(due, self.rng.randint(min_late, max_late))
        if f > limit or f <= due:
            return None
        return f

    def fate_late_noapology(self, rec, s, due):
        f = self._late(rec, due, 1800, 2 * DAY_SECS, OCT_LAST)
        if not f:
            return False
        rec["F"] = f
        self._returned(rec, keep_prob=1.0)
        return True

    def fate_late_apology(self, rec, s, due):
        f = self._late(rec, due, 1800, 3 * DAY_SECS, OCT_LAST)
        if not f:
            return False
        rec["F"], rec["nxl"] = f, 1
        nd = f.date()
        for _ in range(self.rng.randint(0, 2)):
            nd = next_workday(nd)
        rec["N"] = self.day_end(nd)
        self._returned(rec, keep_prob=1.0)
        return True

    def fate_late_apology_missed(self, rec, s, due):
        f = self._late(rec, due, 2 * DAY_SECS + 3600, 4 * DAY_SECS, OCT_LAST)
        if not f:
            return False
        n = self.day_end(next_workday(due.date()))
        if not (due < n < f):
            return False
        rec["F"], rec["nxl"], rec["N"] = f, 1, n
        self._returned(rec, keep_prob=1.0)
        return True

    def fate_late_apology2(self, rec, s, due):
        f = self._late(rec, due, 3 * DAY_SECS, 5 * DAY_SECS, OCT_LAST)
        if not f:
            return False
        rec["F"], rec["nxl"] = f, 2
        rec["N"] = self.day_end(f.date())
        self._returned(rec, keep_prob=1.0)
        return True

    def _supplement(self, rec, s, due, q_lo=0.1, q_hi=0.6):
        """One supplement round: request inside the running deadline, arrival
        1-4 working days later before 15:00; returns the restarted due."""
        rng = self.rng
        w = work_between(s, due)
        q = add_work(s, max(600, int(rng.uniform(q_lo, q_hi) * w)))
        a = add_work(q, rng.randint(1, 4) * DAY_SECS + rng.randint(-3600, 3600))
        if sod(a) > T1500 - 1800 or sod(a) < WORK[0][0]:
            a = at(a.date(), rng.randint(8 * 3600, 10 * 3600 + 1800))
        if a <= q:
            return None
        rec["nbs"] += 1
        rec["Q"], rec["A"] = q, a
        d = compute_due(a, rec["proc"], rec["channel"])
        rec["D"] = d
        return a, d

    def fate_supp_fin(self, rec, s, due):
        if rec["proc"]["unit"] == GLV or (rec["proc"]["unit"] == NLV and rec["proc"]["dur"] < 1):
            return False
        res = self._supplement(rec, s, due)
        if not res:
            return False
        a, d = res
        if not self._finish_in(rec, a, d, OCT_LAST):
            return False
        self._returned(rec, keep_prob=1.0)
        return True

    def fate_supp2_fin(self, rec, s, due):
        if rec["proc"]["unit"] == GLV or (rec["proc"]["unit"] == NLV and rec["proc"]["dur"] < 3):
            return False
        res = self._supplement(rec, s, due)
        if not res:
            return False
        res = self._supplement(rec, res[0], res[1], 0.1, 0.4)
        if not res:
            return False
        a, d = res
        if not self._finish_in(rec, a, d, OCT_LAST):
            return False
        self._returned(rec, keep_prob=1.0)
        return True

    def _ended(self, rec, s, due, status):
        w = min(work_between(s, due), 3 * DAY_SECS)
        e = add_work(s, self.rng.randint(1800, max(1801, w)))
        if e > OCT_LAST:
            return False
        rec["F"], rec["T"], rec["status"] = e, None, status
        return True

    def fate_withdrawn(self, rec, s, due):
        return self._ended(rec, s, due, 7)

    def fate_stopped(self, rec, s, due):
        return self._ended(rec, s, due, 8)

    # pending at the cutoff ------------------------------------------------
    def fate_intime_nov(self, rec, s, due):
        if due <= CUTOFF:
            return False
        hi = min(due, NOV_LAST_WORK)
        w = work_between(max(s, NOV_FIRST_WORK), hi)
        if w <= 0:
            return False
        rec["F"] = add_work(max(s, NOV_FIRST_WORK), self.rng.randint(0, w))
        self._returned(rec, keep_prob=0.8)
        return True

    def fate_intime_open(self, rec, s, due):
        if due <= EXPORT:
            return False
        rec["status"] = 4
        return True

    def fate_intime_fin6(self, rec, s, due):
        if due <= EXPORT:
            return False
        rec["status"] = 6
        return True

    def fate_overdue_nov(self, rec, s, due):
        if due > OCT_LAST or due < datetime(2020, 10, 12):
            return False
        rec["F"] = self.rand_work(NOV_DAYS[:3])
        rec["nxl"] = 1
        rec["N"] = self.day_end(self.rng.choice([d for d in NOV_DAYS if d >= rec["F"].date()]))
        self._returned(rec, keep_prob=0.7)
        return True

    def fate_overdue_open(self, rec, s, due):
        if due > OCT_LAST or due < datetime(2020, 10, 12):
            return False
        rec["nxl"] = 1
        rec["N"] = self.day_end(self.rng.choice([date(2020, 11, 6), date(2020, 11, 9), date(2020, 11, 10)]))
        rec["status"] = 4
        return True

    def _supp_wait(self, rec, s, due):
        if rec["proc"]["unit"] == GLV:
            return False
        lo = max(s, datetime(2020, 10, 21, 7, 30))
        hi = min(due, OCT_LAST)
        w = work_between(lo, hi)
        if w < 3600:
            return False
        rec["Q"] = add_work(lo, self.rng.randint(600, w - 600))
        rec["nbs"] = 1
        return True

    def fate_supp_wait(self, rec, s, due):
        if not self._supp_wait(rec, s, due):
            return False
        rec["status"] = 5
        return True

    def fate_supp_wait_nov(self, rec, s, due):
        if not self._supp_wait(rec, s, due):
            return False
        a = at(self.rng.choice(NOV_DAYS[:3]), self.rng.randint(8 * 3600, 10 * 3600 + 1800))
        rec["A"] = a
        rec["D"] = compute_due(a, rec["proc"], rec["channel"])
        rec["status"] = 4
        return True

    # backlog (received in September) -----------------------------------
    def fate_bk_fin(self, rec, s, due):
        if due < OCT_FIRST_WORK:
            return False
        lo = max(s, OCT_FIRST_WORK)
        w = work_between(lo, due)
        if w <= 0:
            return False
        f = add_work(lo, self.rng.randint(0, w))
        if f > OCT_LAST or f < OCT_START:
            return False
        rec["F"] = f
        self._returned(rec, keep_prob=1.0)
        return True

    def fate_bk_late_apology(self, rec, s, due):
        if not (OCT_FIRST_WORK <= due <= datetime(2020, 10, 20)):
            return False
        f = self._late(rec, due, 2 * DAY_SECS, 5 * DAY_SECS, OCT_LAST)
        if not f:
            return False
        rec["F"], rec["nxl"] = f, 1
        rec["N"] = self.day_end(next_workday(f.date()))
        self._returned(rec, keep_prob=1.0)
        return True

    def fate_bk_overdue_open6(self, rec, s, due):
        if not (OCT_FIRST_WORK <= due <= datetime(2020, 10, 12)):
            return False
        rec["nxl"], rec["N"], rec["status"] = 1, self.day_end(date(2020, 10, 23)), 6
        return True

    def fate_bk_overdue_nov(self, rec, s, due):
        if not (datetime(2020, 10, 12) <= due <= OCT_LAST):
            return False
        rec["F"] = at(date(2020, 11, 3), self.rng.randint(8 * 3600, 10 * 3600))
        rec["nxl"], rec["N"] = 1, self.day_end(date(2020, 11, 3))
        self._returned(rec, keep_prob=1.0)
        return True

    # November receipts (after the cutoff) --------------------------------
    def fate_nov(self, rec, s, due):
        rng = self.rng
        w = work_between(s, due)
        if rng.random() < 0.04 and rec["proc"]["unit"] != GLV:
            q = add_work(s, max(600, int(rng.uniform(0.1, 0.5) * w)))
            if q <= NOV_LAST_WORK:
                rec["Q"], rec["nbs"], rec["status"] = q, 1, 5
                return True
        f = add_work(s, max(300, int(self.frac() * w)))
        if f <= NOV_LAST_WORK:
            rec["F"] = f
            self._returned(rec, keep_prob=0.9)
        else:
            rec["status"] = 2 if rec["R"].date() == date(2020, 11, 5) else 4
        return True

    # -- plan ---------------------------------------------------------------
    def check_plan(self):
        for code, t in TARGET.items():
            pl = PLAN[code]
            pend = pl.get("pending", {})
            bk = pl.get("backlog", [])
            assert len(bk) == t["backlog"], code
            for i, lv in enumerate((2, 3, 4)):
                fin_rec = t["rec"][i] - len(pend.get(lv, []))
                fin_bk = sum(1 for b in bk if b[0] == lv and b[1] in ("bk_fin", "bk_late_apology"))
                assert fin_rec + fin_bk == t["fin"][i], (code, lv, fin_rec, fin_bk, t["fin"][i])
                assert len(pl.get("special", {}).get(lv, [])) <= fin_rec - t["onl"][i], (code, lv)
            assert len(pend.get(0, [])) == t["rec"][3], code

    def october(self):
        self.check_plan()
        for code, t in TARGET.items():
            pl = PLAN[code]
            for i, lv in enumerate((2, 3, 4, 0)):
                n = t["rec"][i]
                if n == 0:
                    continue
                onl = t["onl"][i] if lv else 0
                post = pl.get("postal", {}).get(lv, 0)
                fates = list(pl.get("pending", {}).get(lv, [])) + list(pl.get("special", {}).get(lv, []))
                # online dossiers get the plain 'fin' fate; fates go to desk/post
                chans = [3] * post + [1] * (n - onl - post)
                self.rng.shuffle(chans)
                fates += ["fin"] * (n - onl - len(fates))
                for k, (ch, fate) in enumerate(zip(chans, fates)):
                    proc = UNKNOWN_PROCS[k % len(UNKNOWN_PROCS)] if lv == 0 else None
                    self.records.append(self.make(code, lv, ch, fate, proc=proc))
                for k in range(onl):
                    off = None
                    if k == 1:  # one online submission outside working hours
                        off = (date(2020, 10, 3), date(2020, 10, 25))
                    self.records.append(self.make(code, lv, 2, "fin", offhours=off))
            for lv, fate, pname, rng_days in pl.get("backlog", []):
                proc = self.by_name[pname]
                self.records.append(self.make(code, lv, 1, fate, window="sep", proc=proc, sep_range=rng_days))

    def level_mix(self, code):
        t = TARGET[code]["rec"]
        return [(lv, n) for lv, n in zip((2, 3, 4), t[:3]) if n]

    def others(self):
        """September (finished in September) and November receipts."""
        rng = self.rng
        for code, t in TARGET.items():
            total = sum(t["rec"][:3])
            if total == 0:
                continue
            mix = self.level_mix(code)
            n_sep = int(round(total * 0.6 * 21 / 22))
            n_nov = int(round(total * 4 / 22 * 0.9))
            post = sum(PLAN[code].get("postal", {}).values())
            for window, n in (("sep", n_sep), ("nov", n_nov)):
                for _ in range(n):
                    lv = rng.choices([m[0] for m in mix], weights=[m[1] for m in mix])[0]
                    ch = 1
                    r = rng.random()
                    if lv in (3, 4) and t["onl"][lv - 2] and r < 0.03:
                        ch = 2
                    elif post and r > 0.985:
                        ch = 3
                    fate = "sep_fin" if window == "sep" else "nov"
                    self.records.append(self.make(code, lv, ch, fate, window=window))
        # Excluded rows: not accepted (status 3), online registrations not yet
        # received (status 1 without NgayTiepNhan).
        rejected = [
            ("TU.BQLDA", 2, "Thẩm định Báo cáo kinh tế - kỹ thuật đầu tư xây dựng/điều chỉnh Báo cáo kinh tế - kỹ thuật đầu tư xây dựng", date(2020, 10, 14)),
            ("TU.BPMC", 2, "Đăng ký thành lập hộ kinh doanh", date(2020, 10, 20)),
            ("TU.THANTHUOC", 1, "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở", date(2020, 10, 8)),
            ("TU.TAMIT", 2, "Cấp bản sao trích lục hộ tịch (cấp xã)", date(2020, 10, 27)),
        ]
        for code, ch, pname, d in rejected:
            p = self.by_name[pname]
            r = self.rand_work([d])
            rec = self.new(code, p, ch, r, None, "rejected", p["level"])
            rec["status"] = 3
            self.records.append(rec)
        registered = [
            ("TU.MUONGKHOA", "Cấp bản sao trích lục hộ tịch (cấp xã)", datetime(2020, 10, 31, 20, 14, 37)),
            ("TU.BPMC", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", datetime(2020, 11, 5, 16, 41, 2)),
        ]
        for code, pname, reg in registered:
            p = self.by_name[pname]
            rec = self.new(code, p, 2, None, None, "registered", p["level"])
            rec["status"], rec["reg"] = 1, reg
            self.records.append(rec)

    # -- finishing touches -------------------------------------------------
    def finalize(self):
        rng = self.rng
        for rec in self.records:
            if rec["status"] is None:
                raise SystemExit("no status: %r" % rec["tag"])
        key = lambda rec: (rec["R"] or rec["reg"], rec["unit"])
        self.records.sort(key=key)
        seq = Counter()
        for rec in self.records:
            t = rec["R"] or rec["reg"]
            prefix = self.unit_prefix[rec["unit"]]
            seq[(prefix, t.date())] += 1
            rec["code"] = "%s-%s-%04d" % (prefix, t.strftime("%y%m%d"), seq[(prefix, t.date())])
            rec["owner"] = person_name(rng, self.unit_mix[rec["unit"]])
            rec["officer"] = rng.choice(OFFICERS[rec["unit"]])
            p = rec["proc"]
            rec["mucdo"] = str(p["level"]) if (p["level"] and rng.random() < 0.15) else ""
        codes = [r["code"] for r in self.records]
        assert len(set(codes)) == len(codes)

    def rows(self):
        yield ["MaHoSo", "MaDonVi", "DonViXuLy", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "KenhThucHien",
               "MucDo", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra", "TrangThaiHoSo", "SoLanBoSung",
               "NgayYeuCauBoSung", "NgayTiepNhanBoSung", "SoLanXinLoi", "NgayHenTraMoi", "ChuHoSo", "CanBoXuLy"]
        for rec in self.records:
            p = rec["proc"]
            if p["level"] == 0:
                mattthc, ten, mlv, tlv = p["code"], p["name"], p["field"][0], p["field"][1]
            else:
                mattthc, ten, mlv, tlv = p["full_code"], p["name"], p["field"], p["field_name"]
            yield [rec["code"], rec["unit"], self.unit_name[rec["unit"]], mattthc, ten, mlv, tlv,
                   str(rec["channel"]), rec["mucdo"], fmt(rec["R"]), fmt(rec["D"]), fmt(rec["F"]), fmt(rec["T"]),
                   str(rec["status"]), str(rec["nbs"]), fmt(rec["Q"]), fmt(rec["A"]), str(rec["nxl"]),
                   fmt(rec["N"]), rec["owner"], rec["officer"]]

    def sanity(self):
        for rec in self.records:
            r, d, f, t = rec["R"], rec["D"], rec["F"], rec["T"]
            if r is None:
                continue
            assert not f or f >= r, rec["tag"]
            assert not t or t >= r, rec["tag"]
            assert not f or f <= EXPORT
            assert not t or t <= EXPORT
            assert r <= EXPORT
            if rec["channel"] in (1, 3):
                assert is_workday(r.date()) and next_work(r) == r, ("receipt outside hours", rec["tag"])
            if rec["Q"]:
                assert rec["Q"] >= r
            if rec["A"]:
                assert rec["A"] > rec["Q"]
            if rec["tag"] in ("sep_fin",):
                assert f and f < OCT_START
            if rec["status"] in (9, 10) and rec["tag"] not in ("no_ketthuc",):
                assert f is not None


# --------------------------------------------------------------------------
def write_csv(path, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for row in rows:
        w.writerow([unicodedata.normalize("NFC", str(c)) for c in row])
    data = buf.getvalue().encode("utf-8")
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def units_rows():
    yield ["MaDonVi", "TenDonVi", "Cap", "MaDonViCha", "ThuTu"]
    yield [ROOT[0], ROOT[1], ROOT[2], ROOT[3], str(ROOT[4])]
    for i, u in enumerate(UNITS, 1):
        yield [u[0], u[1], u[2], ROOT[0], str(i)]


def procedures_rows(procs):
    yield ["MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "MucDo", "ThoiGianGiaiQuyet", "DonViThoiGian",
           "CapThucHien", "CongKhai"]
    for p in procs:
        dur = ("%g" % p["dur"])
        yield [p["full_code"], p["name"], p["field"], p["field_name"], str(p["level"]), dur, p["unit"], "",
               p["congkhai"]]


def stats(g):
    """Counts for the README (from the generator's own bookkeeping)."""
    recs = g.records
    c = Counter(r["tag"] for r in recs)
    s = OrderedDict()
    s["rows"] = len(recs)
    s["sep_fin"] = c["sep_fin"]
    s["backlog"] = sum(1 for r in recs if r["tag"].startswith("bk_"))
    s["oct_received"] = sum(1 for r in recs if r["R"] and OCT_START <= r["R"] <= CUTOFF and r["status"] != 3)
    s["nov_received"] = c["nov"]
    s["rejected"] = c["rejected"]
    s["registered"] = c["registered"]
    pend = [r for r in recs if r["tag"] in ("intime_nov", "intime_open", "intime_fin6", "overdue_nov", "overdue_open",
                                            "supp_wait", "supp_wait_nov", "bk_overdue_open6", "bk_overdue_nov")]
    s["pending_cutoff"] = len(pend)
    pend_set = pend
    s["pending_finished_nov"] = sum(1 for r in pend if (r["F"] or r["T"]))
    s["pending_overdue"] = sum(1 for r in pend if "overdue" in r["tag"])
    s["pending_waiting"] = sum(1 for r in pend if r["tag"].startswith("supp_wait"))
    s["pending_intime"] = s["pending_cutoff"] - s["pending_overdue"] - s["pending_waiting"]
    late_tags = ("late_noapology", "late_apology", "late_apology_missed", "late_apology2", "bk_late_apology")
    s["late_oct"] = sum(1 for r in recs if r["tag"] in late_tags)
    s["late_oct_apology"] = sum(1 for r in recs if r["tag"] in late_tags and r["nxl"] >= 1)
    s["late_oct_noapology"] = c["late_noapology"]
    s["late_oct_apology_missed"] = c["late_apology_missed"]
    s["late_oct_two_apologies"] = c["late_apology2"]
    s["supp_fin_oct"] = c["supp_fin"] + c["supp2_fin"]
    s["supp2_fin_oct"] = c["supp2_fin"]
    s["withdrawn_oct"] = c["withdrawn"]
    s["stopped_oct"] = c["stopped"]
    s["only_ngaytra_oct"] = c["no_ketthuc"]
    s["online_offhours"] = sum(1 for r in recs if r["channel"] == 2 and r["R"] and next_work(r["R"]) != r["R"])
    s["after_1500_desk_oct"] = sum(1 for r in recs if r["R"] and OCT_START <= r["R"] <= CUTOFF and r["channel"] in (1, 3)
                                   and sod(r["R"]) > T1500 and r["status"] != 3)
    s["postal_oct"] = sum(1 for r in recs if r["R"] and OCT_START <= r["R"] <= CUTOFF and r["channel"] == 3 and r["status"] != 3)
    s["mucdo_filled"] = sum(1 for r in recs if r["mucdo"])
    s["fin_oct_returned_nov"] = sum(1 for r in recs if r["F"] and OCT_START <= r["F"] <= CUTOFF and r["T"]
                                    and r["T"] > CUTOFF)
    s["not_returned_oct"] = sum(1 for r in recs if r["F"] and OCT_START <= r["F"] <= CUTOFF and r["status"] == 9)
    # on-time classes of the October finishes (docs/rules.md#finished)
    fin = [r for r in recs if r["tag"] not in ("sep_fin", "nov", "rejected", "registered")
           and (r["F"] or r["T"]) and OCT_START <= (r["F"] or r["T"]) <= CUTOFF]
    s["fin_oct"] = len(fin)
    s["fin_unclassified"] = sum(1 for r in fin if r["status"] in (7, 8))
    s["fin_early"] = sum(1 for r in fin if r["status"] not in (7, 8) and (r["F"] or r["T"]).date() < r["D"].date())
    s["fin_late"] = sum(1 for r in fin if r["status"] not in (7, 8) and (r["F"] or r["T"]) > r["D"])
    s["fin_on_time"] = s["fin_oct"] - s["fin_unclassified"] - s["fin_early"] - s["fin_late"]
    s["rate_total"] = "%.1f" % (100.0 * len(fin) / (s["oct_received"] + s["backlog"]))
    # per unit
    lines = []
    for code, name, _cap, _pre, _mix in UNITS:
        ur = [r for r in recs if r["unit"] == code]
        t = Counter(r["tag"] for r in ur)
        oct_rec = sum(1 for r in ur if r["R"] and OCT_START <= r["R"] <= CUTOFF and r["status"] != 3)
        bk = sum(1 for r in ur if r["tag"].startswith("bk_"))
        fin_u = sum(1 for r in fin if r["unit"] == code)
        pend = [r for r in ur if r in pend_set]
        over = sum(1 for r in pend if "overdue" in r["tag"])
        wait = sum(1 for r in pend if r["tag"].startswith("supp_wait"))
        lines.append("| `%s` | %s | %d | %d | %d | %d (%d / %d / %d) | %d | %d | %d |" % (
            code, name, oct_rec, bk, fin_u, len(pend), len(pend) - over - wait, over, wait,
            sum(1 for r in ur if r["tag"] in late_tags), t["sep_fin"], t["nov"]))
    s["unit_table"] = "\n".join(lines)
    return s


README_TEMPLATE = """# Tân Uyên sample data (October 2020) / Dữ liệu mẫu Tân Uyên (tháng 10/2020)

**Synthetic data.** Every dossier, name and time here is invented by
`Scripts/sample-data/generate_tan_uyen.py` (fixed seed, byte-identical on every
run). Only the October 2020 totals are real: classified by the rules of `docs/rules.md` for
`--period 2020-10`, the export reproduces every cell of the appendix (PHỤ LỤC)
of letter 1980/UBND-VP of 30/10/2020 of UBND huyện Tân Uyên
(`published-phu-luc-2020-10.csv`, a copy of the table published with the letter).

**Dữ liệu giả lập.** Toàn bộ hồ sơ, họ tên, thời gian đều do script trên sinh ra
(hạt giống cố định, chạy lại cho kết quả giống hệt từng byte). Chỉ số liệu tổng
hợp tháng 10/2020 là thật: khi phân loại theo `docs/rules.md`, dữ liệu cho đúng từng
ô của Phụ lục kèm Công văn 1980/UBND-VP ngày 30/10/2020 của UBND huyện Tân Uyên.

Regenerate and check / Sinh lại và kiểm tra:

```
python3 Scripts/sample-data/generate_tan_uyen.py
python3 Scripts/sample-data/check_tan_uyen.py --period 2020-10
bash Scripts/check-sample-data.sh [path/to/motcua]   # what CI runs (Scripts/test.sh)
```

## Files / Tệp

| file | content / nội dung |
|---|---|
| `dossiers.csv` | {rows} dossiers, one per row (UTF-8, no BOM, `,`, LF), canonical headers of `docs/rules.md#headers`, times `dd/MM/yyyy HH:mm:ss` like VNPT iGate / hồ sơ, mỗi dòng một hồ sơ |
| `units.csv` | root `TU` (UBND huyện Tân Uyên) and its 11 units in appendix order / đơn vị |
| `procedures.csv` | 364 procedures: 348 level 2, 12 level 3, 4 level 4; `CapThucHien` blank (every unit counts the whole catalogue, as the appendix does) / danh mục TTHC |
| `published-phu-luc-2020-10.csv` | the published appendix the data reproduces (not written by the script) / phụ lục đã công bố |

Export time / thời điểm kết xuất: **05/11/2020 17:30**. `TrangThaiHoSo` is the
state at export time; the report for October must rebuild the state at
31/10/2020 23:59:59 from the timestamps.

## Deliberate features / Các tình huống cố ý

| feature / tình huống | count / số lượng |
|---|---|
| received in October (all units) / tiếp nhận trong tháng 10 | {oct_received} (of which {postal_oct} by post, 6 online; {after_1500_desk_oct} at the desk after 15:00) |
| received and finished in September (not backlog) / nhận và xong trong tháng 9 | {sep_fin} |
| backlog: received in September, unfinished on 01/10 / hồ sơ tồn | {backlog} (Bộ phận TN&TKQ huyện 5, Thân Thuộc 1) |
| pending at the cutoff / chưa giải quyết tại 31/10 | {pending_cutoff}: {pending_intime} in time, {pending_overdue} overdue, {pending_waiting} waiting for a supplement |
| … of which finished 2–5/11 (must count as pending for October) / hoàn thành đầu tháng 11 | {pending_finished_nov} |
| received 2–5/11 (outside October) / nhận đầu tháng 11 | {nov_received} |
| Trung Đồng: procedure not in the catalogue, MucDo blank (level "other", all pending) / thủ tục ngoài danh mục | 3 |
| status 3 (not accepted, excluded) / không được tiếp nhận | {rejected} (one at Ban quản lý dự án, which stays at zero) |
| status 1 without NgayTiepNhan (skipped) / mới đăng ký trực tuyến | {registered} |
| withdrawn (7) / stopped (8) in October: finished, no on-time class / rút, dừng | {withdrawn_oct} / {stopped_oct} |
| finished late in October / trễ hạn trong tháng 10 | {late_oct}: {late_oct_apology} with an apology letter (one whose new date was also missed, {late_oct_two_apologies} with two letters), {late_oct_noapology} without |
| overdue at the cutoff (all with an apology letter) / quá hạn tại 31/10 | {pending_overdue} |
| finished in October after a supplement (restarted due date) / có yêu cầu bổ sung | {supp_fin_oct} ({supp2_fin_oct} with two requests) |
| finish only in NgayTra (NgayKetThucXuLy blank) / chỉ có ngày trả | {only_ngaytra_oct} |
| finished in October, returned in November (finished for October) / xong tháng 10, trả tháng 11 | {fin_oct_returned_nov} |
| finished in October, not yet returned at export (status 9) / xong nhưng chưa trả | {not_returned_oct} |
| online submissions outside working hours / nộp trực tuyến ngoài giờ | {online_offhours} |
| rows with MucDo filled (consistent with the catalogue) / có ghi mức độ | {mucdo_filled} |

Expected October 2020 results besides the appendix / Kết quả tháng 10/2020:
{fin_oct} finished = {fin_early} trước hạn + {fin_on_time} đúng hạn + {fin_late} trễ hạn + {fin_unclassified} không xét hạn
(withdrawn/stopped); TỔNG CỘNG resolution rate {rate_total} %.

Per unit / Theo đơn vị (October; pending = in time / overdue / waiting for a supplement):

| MaDonVi | TenDonVi | received Oct | backlog | finished Oct | pending 31/10 | late Oct | Sep (finished in Sep) | Nov 2–5 |
|---|---|---|---|---|---|---|---|---|
{unit_table}

Dossier codes are `<unit prefix>-<yyMMdd of receipt>-<sequence>` (prefix
`H29.25` for the district desk, `H29.25.NN` for the other units). The export
covers receipts from 01/09/2020 to 05/11/2020 (September at a lower volume).

Due dates (`NgayHenTra`) follow `docs/rules.md#deadlines`: working time only
(07:30–11:30, 13:30–17:00, Mon–Fri; the days off are those of motcua's
built-in `Templates/calendar/2020.csv`, so 2/9/2020 is off and the sample needs
no calendar file of its own), 0.5 day = 3 h 45 min, the 15:00 rule for desk
and postal dossiers, online submissions outside working hours counted from the
next working hour, calendar-day procedures due at 17:00 of the day N days later
(moved to a working day), and a restart from `NgayTiepNhanBoSung` after a
supplement. `ChuHoSo` is personal data and must
never appear in reports.

Hạn trả (`NgayHenTra`) tính theo giờ hành chính, áp dụng quy tắc sau 15 giờ
với hồ sơ nộp trực tiếp/bưu chính, tính lại từ ngày nhận bổ sung. `ChuHoSo`
là dữ liệu cá nhân, không được đưa vào báo cáo.
"""


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=DEFAULT_OUT, help="output folder (default: %(default)s)")
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    g = Gen()
    g.october()
    g.others()
    g.finalize()
    g.sanity()
    write_csv(os.path.join(args.out, "units.csv"), units_rows())
    write_csv(os.path.join(args.out, "procedures.csv"), procedures_rows(g.procs))
    write_csv(os.path.join(args.out, "dossiers.csv"), g.rows())
    s = stats(g)
    readme = README_TEMPLATE.format(**s)
    with open(os.path.join(args.out, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(readme)
    for k, v in s.items():
        print("%-26s %s" % (k, v))
    return 0


if __name__ == "__main__":
    sys.exit(main())
