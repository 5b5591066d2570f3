function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The smallest plausible value of a JSON schema (Gemini's `responseJsonSchema`, types upper- or
 * lower-case): objects get every property, strings their first enum value (or `fake`), numbers
 * 10, booleans false, arrays none. Gemini CLI's side requests ask for such JSON: the model
 * router's `complexity_score` (10: a simple task) or `model_choice` (`flash` is listed first),
 * the next-speaker check's `next_speaker` (`user` is listed first: the turn ends).
 */
export function jsonForSchema(schema: unknown): unknown {
  if (!isRecord(schema)) return {};
  const type = String(schema['type'] ?? 'object').toLowerCase();
  const enumValues = Array.isArray(schema['enum']) ? schema['enum'] : [];
  if (enumValues.length > 0) return enumValues[0];
  if (type === 'object') {
    const properties = isRecord(schema['properties']) ? schema['properties'] : {};
    return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, jsonForSchema(value)]));
  }
  if (type === 'string') return 'fake';
  if (type === 'integer' || type === 'number') return 10;
  if (type === 'boolean') return false;
  if (type === 'array') return [];
  return null;
}

/** The `responseJsonSchema` (or `responseSchema`) of a request's `generationConfig`, when it asks for JSON. */
export function responseSchemaOf(body: unknown): unknown {
  if (!isRecord(body) || !isRecord(body['generationConfig'])) return undefined;
  const config = body['generationConfig'];
  return config['responseJsonSchema'] ?? config['responseSchema'];
}
