import {z} from 'zod';

// Wrappers (optional, default, refinement pipes, unions) hide the object
// schemas whose keys we want to list.
const unwrap = (schema: z.ZodType): z.ZodType[] => {
	if (
		schema instanceof z.ZodOptional ||
		schema instanceof z.ZodNullable ||
		schema instanceof z.ZodDefault ||
		schema instanceof z.ZodPrefault
	) {
		return unwrap(schema.def.innerType as z.ZodType);
	}
	if (schema instanceof z.ZodPipe) {
		return unwrap(schema.def.in as z.ZodType);
	}
	if (schema instanceof z.ZodUnion) {
		return (schema.def.options as readonly z.ZodType[]).flatMap(unwrap);
	}
	return [schema];
};

const child = (schema: z.ZodType, segment: PropertyKey): z.ZodType[] => {
	if (schema instanceof z.ZodObject) {
		const shape = schema.shape as Record<string, z.ZodType>;
		const found = typeof segment === 'string' ? shape[segment] : undefined;
		return found === undefined ? [] : [found];
	}
	if (schema instanceof z.ZodArray) {
		return [schema.element as z.ZodType];
	}
	if (schema instanceof z.ZodRecord) {
		return [schema.def.valueType as z.ZodType];
	}
	return [];
};

/** The keys the schema allows in the mapping at `path` (to suggest one for a typo). */
export const knownKeys = (root: z.ZodType, path: readonly PropertyKey[]): string[] => {
	let schemas = [root];
	for (const segment of path) {
		schemas = schemas.flatMap(unwrap).flatMap((schema) => child(schema, segment));
	}
	return schemas
		.flatMap(unwrap)
		.flatMap((schema) => (schema instanceof z.ZodObject ? Object.keys(schema.shape) : []));
};
