/** Errors raised while parsing or evaluating PromQL, shaped after Prometheus' own messages. */

/** 1-based line and column of a character offset, as Prometheus prints them. */
export function positionOf(input: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < input.length; i++) {
    if (input[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** A syntax or type error: the API answers 400 bad_data with "L:C: parse error: …". */
export class PromQLParseError extends Error {
  constructor(
    readonly detail: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${line}:${column}: parse error: ${detail}`);
    this.name = 'PromQLParseError';
  }

  static at(input: string, offset: number, detail: string): PromQLParseError {
    const { line, column } = positionOf(input, offset);
    return new PromQLParseError(detail, line, column);
  }
}

/** A failure while evaluating a valid query: the API answers 422 execution. */
export class PromQLExecutionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PromQLExecutionError';
  }
}

/** A valid query that cannot run in this kind of request: the API answers 400 bad_data. */
export class PromQLBadQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PromQLBadQueryError';
  }
}
