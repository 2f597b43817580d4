"""Sum the returned district forms by indicator code, the way an analyst would with pandas.

Usage: /usr/bin/python3 bench/pandas_sum.py RETURNS_DIR OUT.xlsx

Each .xlsx in RETURNS_DIR is read (first sheet) with openpyxl; the header row is the one that
has both "Mã số" and "Số liệu"; the value column is taken by code and everything is summed.
No validation at all: this is the baseline that `tonghop run` is compared against.
"""
import glob
import os
import sys

import pandas as pd

CODE_HEADER = "Mã số"
VALUE_HEADER = "Số liệu"


def clean_code(v):
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    s = str(v).strip()
    return s.zfill(2) if s.isdigit() else None


def read_return(path):
    raw = pd.read_excel(path, sheet_name=0, header=None, dtype=object, engine="openpyxl")
    for i in range(len(raw)):
        labels = [str(v).strip() for v in raw.iloc[i].tolist()]
        if CODE_HEADER in labels and VALUE_HEADER in labels:
            code_col = labels.index(CODE_HEADER)
            value_col = labels.index(VALUE_HEADER)
            body = raw.iloc[i + 1:, [code_col, value_col]]
            body.columns = ["code", "value"]
            body = body.assign(code=body["code"].map(clean_code)).dropna(subset=["code"])
            body["value"] = pd.to_numeric(body["value"], errors="coerce").fillna(0)
            return body
    raise ValueError(f"{path}: no header row with '{CODE_HEADER}' and '{VALUE_HEADER}'")


def main():
    src, out = sys.argv[1], sys.argv[2]
    files = sorted(f for f in glob.glob(os.path.join(src, "*.xlsx")) if not os.path.basename(f).startswith("~$"))
    if not files:
        sys.exit(f"no .xlsx files in {src}")
    frames = [read_return(f) for f in files]
    totals = pd.concat(frames).groupby("code", sort=True)["value"].sum()
    result = totals.rename("Tổng cộng").rename_axis(CODE_HEADER).reset_index()
    result.to_excel(out, sheet_name="Tổng hợp", index=False, engine="openpyxl")
    print(f"{len(files)} files, {len(result)} codes -> {out}")


if __name__ == "__main__":
    main()
