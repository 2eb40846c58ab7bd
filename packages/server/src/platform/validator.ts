import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findUncleanText, textRules, validationMessages } from '@pavilion/contracts';

/**
 * Every string of the request part (path parameters, query, headers, body; keys too) is first
 * checked for characters text never holds (NUL and the C0 controls XML forbids, lone surrogates):
 * one refusal for every route, 400 naming the field on both engines, before the route's own schema
 * runs (so PostgreSQL never sees a NUL and SQLite never stores one).
 */
const cleanText = z.unknown().superRefine((value, ctx) => {
  for (const { path } of findUncleanText(value)) {
    ctx.addIssue({ code: 'custom', path, message: validationMessages.controlCharacter.en, params: { rule: textRules.control } });
  }
});

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, ...rest }) =>
  zodValidatorCompiler({ ...rest, schema: cleanText.pipe(schema) });
