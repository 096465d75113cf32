// Tabs and line breaks are how people lay out a reason; any other control character is damage
// (or an attempt to hide text), so free text from another machine is refused when it holds one.
const CONTROL_EXCEPT_LAYOUT = /[^\P{Cc}\t\n\r]/u;

export function holdsControlCharacters(text: string): boolean {
  return CONTROL_EXCEPT_LAYOUT.test(text);
}
