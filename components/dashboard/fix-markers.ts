/** A fix done in a capture week, drawn as a vertical line on the trend charts of its metric. */
export interface FixMarker {
  id: number;
  week: string;
  label: string;
}
