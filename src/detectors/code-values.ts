/** Failure codes of CryptoAPI/COM (0x80……) and CAdES (0xC2……) that we report even when unknown. */
const FAILURE_CODE = /^(?:80|c2)[0-9a-f]{6}$/;

export function isFailureCode(hex8: string): boolean {
  return FAILURE_CODE.test(hex8.toLowerCase());
}

/** `-2146885621` → `8009200b`: sites print HRESULTs as signed 32-bit integers. */
export function hexFromSignedDecimal(decimal: string): string | null {
  const value = Number(decimal);
  if (!Number.isInteger(value) || value >= 0 || value < -0x80000000) return null;
  return (value + 0x100000000).toString(16).padStart(8, '0');
}
