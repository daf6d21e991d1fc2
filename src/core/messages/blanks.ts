/*
 * How a language names what a draft leaves blank and does not quote from the document (the
 * marks, `[Họ và tên]`, are quoted as the document writes them). A module of its own, with
 * no imports, so the pane's messages take it without the drafting code.
 */

export interface BlankWords {
  number: string;
  date: string;
  tasks: (agencies: number) => string;
}

export const VI_BLANK_WORDS: BlankWords = {
  number: "số văn bản",
  date: "ngày ban hành",
  tasks: (agencies) => `nhiệm vụ, giải pháp của ${agencies} cơ quan chủ trì`,
};
