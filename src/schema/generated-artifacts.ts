/**
 * Shapes of the files scripts/derive-schemas.mjs writes to src/schema/generated/. The generated
 * `.d.ts` files import these types, so the generated code and its readers agree.
 */

/** One ajv error as the standalone validators produce it (ajv `messages: false`: no message text). */
export interface CompiledValidatorError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** An ahead-of-time compiled validator: the errors of the last call are left on `errors`. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: CompiledValidatorError[] | null;
}

/**
 * What a property of a definition holds: a definition name, `Name[]` for an array of that
 * definition, `@entity` for a nested body linted as an entity of its own, `*` for anything else.
 */
export type PropertyShape = string;

export interface DerivedSchemaIndex {
  /** The oldest api-version this derived schema serves. */
  readonly firstServed: string;
  /** Definition name → property name → what it holds. */
  readonly properties: Readonly<Record<string, Readonly<Record<string, PropertyShape>>>>;
  /** Definition name → its required properties. */
  readonly required: Readonly<Record<string, readonly string[]>>;
}

export interface PropertyIndex {
  /** Keyed by the api-version of each derived schema. */
  readonly versions: Readonly<Record<string, DerivedSchemaIndex>>;
  /** Definition name → property name → api-version that introduced it (reference Part A.1). */
  readonly since: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** SDK client names users write by mistake → the wire name. */
  readonly clientNames: Readonly<Record<string, string>>;
  /** Fields of GET responses that request bodies must not carry. */
  readonly responseOnly: readonly string[];
}
