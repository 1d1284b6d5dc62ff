#!/usr/bin/env python3
"""Comparison baseline: import a one-stop dossier export into SQLite and write a
quarterly per-unit report, the way a data analyst would do it with pandas and
XlsxWriter. Not part of motcua; see README.md beside this file.

    python3 quarter_report.py --input DIR --db out.sqlite --out report.xlsx \
        [--from 2024-10-01 --to 2024-12-31] [--step import|report|all]
"""
import argparse
import os
import sqlite3
import sys
import time
import unicodedata

import pandas as pd

DATE_FORMAT = "%d/%m/%Y %H:%M:%S"
DATE_COLUMNS = [
    "Ngày tiếp nhận", "Hạn xử lý", "Ngày hoàn thành", "Ngày trả kết quả",
    "Ngày yêu cầu bổ sung", "Ngày nhận bổ sung", "Ngày hẹn trả lại",
]
NOT_ACCEPTED = "Không được tiếp nhận"
NO_ON_TIME_CLASS = ["Công dân yêu cầu rút hồ sơ", "Dừng xử lý"]  # withdrawn, stopped


def nfc(text):
    return unicodedata.normalize("NFC", text)


def read_table(path):
    """Read a semicolon CSV (UTF-8 with BOM) as text, with NFC headers and values."""
    df = pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    df.columns = [nfc(c).strip() for c in df.columns]
    for col in df.columns:
        df[col] = df[col].str.strip().str.normalize("NFC")
    return df


# --------------------------------------------------------------------------- import

def run_import(input_dir, db_path):
    dossiers = read_table(os.path.join(input_dir, "dossiers.csv"))
    rows_read = len(dossiers)
    for col in DATE_COLUMNS:
        if col in dossiers.columns:
            dossiers[col] = pd.to_datetime(dossiers[col].replace("", None),
                                           format=DATE_FORMAT, dayfirst=True, errors="coerce")
    dossiers["Số lần bổ sung"] = pd.to_numeric(dossiers["Số lần bổ sung"], errors="coerce").fillna(0).astype(int)

    dossiers = dossiers.dropna(subset=["Ngày tiếp nhận"])
    dossiers = dossiers.drop_duplicates(subset="Mã hồ sơ", keep="last")

    units = read_table(os.path.join(input_dir, "units.csv"))
    units["Thứ tự"] = pd.to_numeric(units["Thứ tự"], errors="coerce")
    procedures = read_table(os.path.join(input_dir, "procedures.csv"))

    if os.path.exists(db_path):
        os.remove(db_path)
    with sqlite3.connect(db_path) as con:
        dossiers.to_sql("dossiers", con, index=False, chunksize=50_000)
        units.to_sql("units", con, index=False)
        procedures.to_sql("procedures", con, index=False)
    print(f"import: {rows_read} rows read, {len(dossiers)} dossiers stored "
          f"({rows_read - len(dossiers)} dropped: no receipt date or duplicate code), "
          f"{len(units)} units, {len(procedures)} procedures")


# --------------------------------------------------------------------------- report

def report_unit_map(units):
    """Map every unit code to the unit it is reported under: the ancestor just
    below the root (communes and the district's one-stop desk roll up to the
    district; departments and the province centre stay as they are)."""
    parent = dict(zip(units["Mã đơn vị"], units["Mã đơn vị cha"]))

    def top(code):
        seen = set()
        while parent.get(code) and parent.get(parent[code]) and code not in seen:
            seen.add(code)
            code = parent[code]
        return code

    return {code: top(code) for code in units["Mã đơn vị"]}


def compute_report(db_path, date_from, date_to):
    start = pd.Timestamp(date_from)
    cutoff = pd.Timestamp(date_to) + pd.Timedelta(days=1) - pd.Timedelta(seconds=1)

    with sqlite3.connect(db_path) as con:
        d = pd.read_sql(
            'SELECT "Mã hồ sơ", "Mã đơn vị", "Đơn vị", "Tên thủ tục", "Trạng thái", '
            '"Ngày tiếp nhận", "Hạn xử lý", "Ngày hoàn thành", "Ngày trả kết quả" '
            'FROM dossiers WHERE "Ngày tiếp nhận" <= ?',
            con, params=[cutoff.strftime("%Y-%m-%d %H:%M:%S")],
            parse_dates=["Ngày tiếp nhận", "Hạn xử lý", "Ngày hoàn thành", "Ngày trả kết quả"])
        units = pd.read_sql("SELECT * FROM units", con)

    d = d[d["Trạng thái"] != NOT_ACCEPTED]
    # Finish = completion date, else result-return date; a finish after the cutoff has not happened yet.
    d["finish"] = d["Ngày hoàn thành"].fillna(d["Ngày trả kết quả"])
    d.loc[d["finish"] > cutoff, "finish"] = pd.NaT
    d = d[~(d["finish"] < start)].copy()  # finished before the period: not part of it

    finished = d["finish"].notna()
    due_day = d["Hạn xử lý"].dt.normalize()
    finish_day = d["finish"].dt.normalize()
    classed = finished & d["Hạn xử lý"].notna() & ~d["Trạng thái"].isin(NO_ON_TIME_CLASS)

    d["backlog"] = d["Ngày tiếp nhận"] < start
    d["received"] = ~d["backlog"]
    d["finished"] = finished
    d["early"] = classed & (finish_day < due_day)
    d["on_time"] = classed & (finish_day == due_day)
    d["late"] = classed & (finish_day > due_day)
    d["pending"] = ~finished
    d["overdue"] = d["pending"] & (d["Hạn xử lý"] < cutoff)
    d["in_time"] = d["pending"] & ~d["overdue"]

    # Roll units up to the reported level; codes missing from units.csv stay on their own.
    to_top = report_unit_map(units)
    d["unit"] = d["Mã đơn vị"].map(to_top).fillna(d["Mã đơn vị"])

    counts = ["backlog", "received", "finished", "early", "on_time", "late", "pending", "in_time", "overdue"]
    table = d.groupby("unit")[counts].sum().reset_index()
    names = units.set_index("Mã đơn vị")
    fallback_names = d.drop_duplicates("Mã đơn vị").set_index("Mã đơn vị")["Đơn vị"]
    table["name"] = table["unit"].map(names["Tên đơn vị"]).fillna(table["unit"].map(fallback_names))
    table["order"] = table["unit"].map(names["Thứ tự"]).fillna(1e9)
    table = table.sort_values(["order", "unit"]).reset_index(drop=True)

    total = table[counts].sum()
    table["rate"] = on_time_rate(table)

    # Overdue list: finished late in the period, or pending and past due at the cutoff.
    od = d[d["late"] | d["overdue"]].copy()
    od["until"] = finish_day[od.index].fillna(cutoff.normalize())  # pending: count to the cutoff day
    od["days"] = (od["until"] - due_day[od.index]).dt.days
    od["Đơn vị báo cáo"] = od["unit"].map(table.set_index("unit")["name"])
    od["Tình trạng"] = od["late"].map({True: "Đã giải quyết trễ hạn", False: "Đang giải quyết quá hạn"})
    od["order"] = od["unit"].map(table.set_index("unit")["order"])
    od = od.sort_values(["order", "days"], ascending=[True, False])
    overdue = od[["Đơn vị báo cáo", "Đơn vị", "Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận",
                  "Hạn xử lý", "finish", "Tình trạng", "days"]].rename(
        columns={"finish": "Ngày hoàn thành", "days": "Số ngày quá hạn"})
    overdue.insert(0, "STT", range(1, len(overdue) + 1))
    return table, total, overdue


def on_time_rate(f):
    classed = f["early"] + f["on_time"] + f["late"]
    return ((f["early"] + f["on_time"]) / classed).where(classed > 0, 0.0)


def write_workbook(path, table, total, overdue, date_from, date_to):
    with pd.ExcelWriter(path, engine="xlsxwriter",
                        datetime_format="dd/mm/yyyy hh:mm", date_format="dd/mm/yyyy") as writer:
        wb = writer.book
        title_fmt = wb.add_format({"bold": True, "font_size": 13})
        head_fmt = wb.add_format({"bold": True, "border": 1, "align": "center", "valign": "vcenter",
                                  "text_wrap": True, "bg_color": "#DDEBF7"})
        num_fmt = wb.add_format({"border": 1, "num_format": "#,##0"})
        pct_fmt = wb.add_format({"border": 1, "num_format": "0.0%"})
        text_fmt = wb.add_format({"border": 1})
        total_fmt = wb.add_format({"bold": True, "border": 1, "num_format": "#,##0"})
        total_pct_fmt = wb.add_format({"bold": True, "border": 1, "num_format": "0.0%"})
        total_label_fmt = wb.add_format({"bold": True, "border": 1, "align": "center"})

        # Sheet 1: per-unit table under a two-row header.
        sheet1 = "Tổng hợp"
        out = table[["name", "backlog", "received", "finished", "early", "on_time", "late",
                     "pending", "in_time", "overdue", "rate"]].copy()
        out.insert(0, "STT", range(1, len(out) + 1))
        first_row = 3
        out.to_excel(writer, sheet_name=sheet1, startrow=first_row, header=False, index=False)
        ws = writer.sheets[sheet1]
        ws.merge_range(0, 0, 0, 11, f"KẾT QUẢ GIẢI QUYẾT HỒ SƠ TTHC TỪ {date_from:%d/%m/%Y} ĐẾN {date_to:%d/%m/%Y}", title_fmt)
        for col, label in [(0, "STT"), (1, "Đơn vị"), (2, "Tồn kỳ trước"), (3, "Tiếp nhận trong kỳ"),
                           (11, "Tỷ lệ đúng hạn")]:
            ws.merge_range(1, col, 2, col, label, head_fmt)
        ws.merge_range(1, 4, 1, 7, "Đã giải quyết", head_fmt)
        ws.merge_range(1, 8, 1, 10, "Đang giải quyết", head_fmt)
        ws.write_row(2, 4, ["Tổng số", "Trước hạn", "Đúng hạn", "Trễ hạn", "Tổng số", "Trong hạn", "Quá hạn"],
                     head_fmt)
        ws.set_column(0, 0, 5, text_fmt)
        ws.set_column(1, 1, 48, text_fmt)
        ws.set_column(2, 10, 11, num_fmt)
        ws.set_column(11, 11, 11, pct_fmt)
        ws.set_row(2, 30)
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        total_row = first_row + len(out)
        ws.merge_range(total_row, 0, total_row, 1, "Tổng cộng", total_label_fmt)
        ws.write_row(total_row, 2, [int(total[c]) for c in ["backlog", "received", "finished", "early", "on_time",
                                                           "late", "pending", "in_time", "overdue"]], total_fmt)
        ws.write(total_row, 11, float(on_time_rate(total.to_frame().T).iloc[0]), total_pct_fmt)
        ws.freeze_panes(first_row, 2)

        # Sheet 2: overdue list.
        sheet2 = "Quá hạn"
        overdue.to_excel(writer, sheet_name=sheet2, index=False)
        ws2 = writer.sheets[sheet2]
        ws2.set_column(0, 0, 6)
        ws2.set_column(1, 2, 36)
        ws2.set_column(3, 3, 24)
        ws2.set_column(4, 4, 60)
        ws2.set_column(5, 7, 17)
        ws2.set_column(8, 8, 22)
        ws2.set_column(9, 9, 10)
        ws2.autofilter(0, 0, len(overdue), len(overdue.columns) - 1)
        ws2.freeze_panes(1, 0)
        ws2.set_landscape()
        ws2.fit_to_pages(1, 0)

        # Sheet 3: bar chart of the on-time rate per unit.
        ws3 = wb.add_worksheet("Biểu đồ")
        chart = wb.add_chart({"type": "bar"})
        last = first_row + len(out) - 1
        chart.add_series({
            "name": "Tỷ lệ đúng hạn",
            "categories": [sheet1, first_row, 1, last, 1],
            "values": [sheet1, first_row, 11, last, 11],
            "data_labels": {"value": True, "num_format": "0.0%"},
        })
        chart.set_title({"name": "Tỷ lệ giải quyết đúng hạn theo đơn vị"})
        chart.set_x_axis({"min": 0, "max": 1, "num_format": "0%"})
        chart.set_y_axis({"reverse": True})
        chart.set_legend({"none": True})
        chart.set_size({"width": 900, "height": max(300, 20 * len(out) + 80)})
        ws3.insert_chart("B2", chart)


def run_report(db_path, out_path, date_from, date_to):
    table, total, overdue = compute_report(db_path, date_from, date_to)
    write_workbook(out_path, table, total, overdue, date_from, date_to)
    print(f"report: {len(table)} units, backlog {int(total['backlog'])}, received {int(total['received'])}, "
          f"finished {int(total['finished'])} (early {int(total['early'])}, on time {int(total['on_time'])}, "
          f"late {int(total['late'])}), pending {int(total['pending'])} (overdue {int(total['overdue'])}), "
          f"{len(overdue)} rows in the overdue list -> {out_path}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--input", help="folder with dossiers.csv, units.csv, procedures.csv")
    p.add_argument("--db", required=True, help="SQLite file (written by import, read by report)")
    p.add_argument("--out", help="report .xlsx to write")
    p.add_argument("--from", dest="date_from", default="2024-10-01")
    p.add_argument("--to", dest="date_to", default="2024-12-31")
    p.add_argument("--step", choices=["import", "report", "all"], default="all")
    a = p.parse_args()
    if a.step in ("import", "all") and not a.input:
        p.error("--input is required for the import step")
    if a.step in ("report", "all") and not a.out:
        p.error("--out is required for the report step")
    date_from, date_to = pd.Timestamp(a.date_from), pd.Timestamp(a.date_to)

    timings = []
    if a.step in ("import", "all"):
        t = time.perf_counter()
        run_import(a.input, a.db)
        timings.append(("import", time.perf_counter() - t))
    if a.step in ("report", "all"):
        t = time.perf_counter()
        run_report(a.db, a.out, date_from, date_to)
        timings.append(("report", time.perf_counter() - t))
    for step, seconds in timings:
        print(f"{step}: {seconds:.2f} s")
    if len(timings) > 1:
        print(f"total: {sum(s for _, s in timings):.2f} s")


if __name__ == "__main__":
    sys.exit(main())
