/*
 * The agencies a cell names: lead agencies and partners are listed with `;` or line breaks.
 */

const LIST = /[;\n\r]/;
const LIST_SEPARATORS = /[;\n\r]+/;
const LEADING_MARKS = /^[-+•\s]+/;

/** `splitAgencies(text).join("; ")` without the list when the cell names one agency. */
export function joinedAgencies(text: string): string {
  return LIST.test(text) ? splitAgencies(text).join("; ") : soleAgency(text);
}

/** A cell naming one agency, without a leading dash or bullet. */
function soleAgency(text: string): string {
  return text.replace(LEADING_MARKS, "").trim();
}

/**
 * Agencies in a cell, split on `;` and line breaks only: commas belong inside names
 * such as `Ủy ban nhân dân các huyện, thị xã, thành phố`.
 */
export function splitAgencies(text: string): string[] {
  // Most cells name one agency: no list to split.
  if (!LIST.test(text)) {
    const only = soleAgency(text);
    return only === "" ? [] : [only];
  }
  return text
    .split(LIST_SEPARATORS)
    .map(soleAgency)
    .filter((part) => part !== "");
}
