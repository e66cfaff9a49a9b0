/** Reads a file a person picked as JSON; undefined when it is not JSON (the caller says so). */
export async function readJsonFile(file: File): Promise<{ json: unknown } | undefined> {
  try {
    return { json: JSON.parse(await file.text()) as unknown };
  } catch {
    return undefined;
  }
}
