// Strings that outlive the text they were read from. V8 keeps a slice of 13 or more characters
// as a view of its parent string, so one kept field would keep a whole file's text alive (about
// the file's size, for as long as the dataset lives).

/** A copy of `s` that does not point into the string it was sliced from. */
export const detach = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));
