/** Writing numbers the Vietnamese way: "." groups thousands, "," marks decimals. */

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(minDecimals: number, maxDecimals: number, minIntegerDigits = 1): Intl.NumberFormat {
  const key = `${minDecimals}/${maxDecimals}/${minIntegerDigits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: maxDecimals,
      minimumIntegerDigits: minIntegerDigits,
    });
    formatters.set(key, f);
  }
  return f;
}

/** A value that rounds to zero is written "0", never "-0". */
function format(f: Intl.NumberFormat, value: number): string {
  const s = f.format(value);
  return /^-[0.,]+$/.test(s) ? s.slice(1) : s;
}

/** 37090 → "37.090", 898.3 → "898,3", -1234.5 → "-1.234,5"; rounds to at most `maxDecimals` decimals. */
export function formatNumber(value: number, maxDecimals = 1): string {
  return format(formatter(0, maxDecimals), value);
}

/** Exactly `decimals` decimals: formatFixed(2.3, 2) → "2,30". */
export function formatFixed(value: number, decimals: number): string {
  return format(formatter(decimals, decimals), value);
}

/**
 * Whole non-negative numbers zero-padded to `width` digits, as body text writes small counts:
 * 2 → "02", 13 → "13", 1507 → "1.507". Other values are written as formatNumber does.
 */
export function formatPadded(value: number, width = 2): string {
  if (Number.isInteger(value) && value >= 0) return format(formatter(0, 0, width), value);
  return formatNumber(value);
}
