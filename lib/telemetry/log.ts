/** Severity of a log line. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Where lines go; tests swap it out. Errors go to stderr so a plain `2>` split still works. */
export type LogSink = (level: LogLevel, line: string) => void;

const consoleSink: LogSink = (level, line) => {
  if (level === 'error' || level === 'warn') console.error(line);
  else console.log(line);
};

let sink: LogSink = consoleSink;

/** Replaces the sink (tests); returns a function that restores the previous one. */
export function setLogSink(next: LogSink): () => void {
  const previous = sink;
  sink = next;
  return () => {
    sink = previous;
  };
}

/** Writes one JSON line `{ time, level, msg, ...fields }`; fields cannot overwrite the first three. */
export function log(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
  const { time: _time, level: _level, msg: _msg, ...rest } = fields;
  sink(level, JSON.stringify({ time: new Date().toISOString(), level, msg, ...rest }));
}
