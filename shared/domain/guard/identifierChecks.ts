// Checksums and validity rules that turn a digit pattern into a likely identifier. Each returns
// false for strings a clinician types for other reasons (lab values, trial numbers).

/** NHS number: ten digits, modulus 11 with weights 10..2; a remainder giving 10 is never issued. */
export function isValidNhsNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < 9; index += 1) sum += Number(digits[index]) * (10 - index);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** US SSN: area 001–899 except 666, group 01–99, serial 0001–9999. */
export function isPlausibleSsn(area: string, group: string, serial: string): boolean {
  const areaNumber = Number(area);
  return (
    areaNumber > 0 &&
    areaNumber !== 666 &&
    areaNumber < 900 &&
    Number(group) > 0 &&
    Number(serial) > 0
  );
}

/** Payment card numbers (13–19 digits) carry a Luhn check digit. */
export function passesLuhn(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function isIpv4(value: string): boolean {
  const parts = value.split('.');
  return (
    parts.length === 4 &&
    parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255 && !/^0\d/.test(part))
  );
}

/** IPv6 in full or `::`-compressed form, optionally ending in an IPv4 address. */
export function isIpv6(value: string): boolean {
  if (!value.includes(':')) return false;
  let text = value;
  let groupsFromIpv4 = 0;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!isIpv4(tail)) return false;
    text = `${text.slice(0, lastColon + 1)}0`;
    groupsFromIpv4 = 1;
  }
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  if (!groups.flat().every((group) => /^[0-9a-fA-F]{1,4}$/.test(group))) return false;
  const count = groups.flat().length + groupsFromIpv4;
  return halves.length === 2 ? count < 8 : count === 8;
}
