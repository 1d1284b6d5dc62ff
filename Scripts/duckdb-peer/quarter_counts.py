#!/usr/bin/env python3
"""Comparison peer, not part of motcua: what an analyst gets from DuckDB in a
few lines — load the Vietnamese-style export (`;`, UTF-8 with BOM, dd/MM/yyyy)
into a table with read_csv, then one GROUP BY per unit giving the quarter's
counts (backlog, received, finished, pending; dossiers not accepted left
out). No working calendar, no
supplement rule, no unit tree, no workbook: a far simpler job than motcua's
report, measured beside it by Scripts/benchmark.sh.

    python3 quarter_counts.py --csv dossiers.csv [--from 2024-10-01 --to 2024-12-31] [--threads 2]
"""
import argparse
import time
import unicodedata

import duckdb


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--csv", required=True, help="the dossiers export (Vietnamese style)")
    p.add_argument("--from", dest="date_from", default="2024-10-01")
    p.add_argument("--to", dest="date_to", default="2024-12-31")
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args()

    con = duckdb.connect()  # in memory, as an analyst's notebook would
    con.execute(f"SET threads = {args.threads}")
    t0 = time.perf_counter()
    con.execute("""
        CREATE TABLE dossier AS SELECT * FROM read_csv(?, delim = ';', header = true,
            timestampformat = '%d/%m/%Y %H:%M:%S', all_varchar = false)
        """, [args.csv])
    t1 = time.perf_counter()
    # The export's names are NFD: find the stored spelling of each NFC name.
    names = {unicodedata.normalize("NFC", c[0]).strip("\ufeff"): c[0]
             for c in con.execute("SELECT * FROM dossier LIMIT 0").description}

    def col(name):
        return '"' + names[name].replace('"', '""') + '"'

    unit, received, status = col("Mã đơn vị"), col("Ngày tiếp nhận"), col("Trạng thái")
    finish = f"COALESCE({col('Ngày hoàn thành')}, {col('Ngày trả kết quả')})"
    start, cutoff = f"TIMESTAMP '{args.date_from} 00:00:00'", f"TIMESTAMP '{args.date_to} 23:59:59'"
    # Not accepted, in either normal form (cheaper than normalising every row).
    not_accepted = ", ".join(f"'{unicodedata.normalize(form, 'Không được tiếp nhận')}'" for form in ("NFC", "NFD"))
    rows = con.execute(f"""
        SELECT {unit} AS unit,
          count(*) FILTER (WHERE {received} < {start}) AS backlog,
          count(*) FILTER (WHERE {received} >= {start}) AS received,
          count(*) FILTER (WHERE {finish} BETWEEN {start} AND {cutoff}) AS finished,
          count(*) FILTER (WHERE {finish} IS NULL OR {finish} > {cutoff}) AS pending
        FROM dossier
        WHERE {received} <= {cutoff} AND ({finish} IS NULL OR {finish} >= {start})
          AND {status} NOT IN ({not_accepted})  -- never counted
        GROUP BY ALL ORDER BY unit
        """).fetchall()
    t2 = time.perf_counter()
    total = [sum(r[i] for r in rows) for i in range(1, 5)]
    print(f"units {len(rows)}; backlog {total[0]}, received {total[1]}, finished {total[2]}, pending {total[3]}")
    print(f"read_csv {t1 - t0:.2f} s, group by {t2 - t1:.2f} s")


if __name__ == "__main__":
    main()
