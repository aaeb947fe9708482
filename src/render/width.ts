/** Display width in terminal columns: CJK and emoji take two. */
export interface Width {
  of(text: string): number;
  /** Pads to a display width, so that columns stay aligned. */
  pad(text: string, columns: number): string;
  /** Cuts to at most `columns`, marking the cut with an ellipsis. */
  cut(text: string, columns: number): string;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function isPlainAscii(text: string): boolean {
  return PRINTABLE_ASCII.test(text);
}

function widthFrom(of: (text: string) => number): Width {
  return {
    of,
    pad: (text, columns) => text + ' '.repeat(Math.max(0, columns - of(text))),
    cut: (text, columns) => {
      if (of(text) <= columns) return text;
      if (columns <= 1) return columns === 1 ? '…' : '';
      let out = '';
      for (const char of text) {
        if (of(out + char) > columns - 1) break;
        out += char;
      }
      return `${out}…`;
    },
  };
}

const asciiWidth = widthFrom((text) => text.length);

/**
 * `string-width` costs about 30 ms to load (Unicode tables, a segmenter), a third of a warm run:
 * it is loaded only when some text to measure is not plain ASCII.
 */
export async function widthFor(plainAscii: boolean): Promise<Width> {
  return plainAscii ? asciiWidth : widthFrom((await import('string-width')).default);
}
