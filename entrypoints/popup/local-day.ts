// `YYYY-MM-DD` in the user's own zone, for the names of downloaded files.
export function toLocalDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
