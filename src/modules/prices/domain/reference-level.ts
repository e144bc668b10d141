/** Which side of the market a reference price speaks to: consumer references for retail, producer for farm gates. */
export function referenceLevelFor(
  level: "producer" | "wholesale" | "retail",
): "consumer" | "producer" | null {
  if (level === "retail") return "consumer";
  if (level === "producer") return "producer";
  return null;
}
