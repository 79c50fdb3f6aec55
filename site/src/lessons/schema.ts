/**
 * The frontmatter of a lesson.mdx: Starlight's own page fields (validated by
 * Starlight's schema, so `head`, `banner`, `prev`/`next`… work as on any
 * Starlight page) plus the lesson's fields below. Unknown keys are rejected
 * so a typo such as `timelimit:` fails the build instead of being ignored.
 *
 * Plain module: `astro/zod` and `@astrojs/starlight/schema` import no Astro
 * runtime, so vitest can use this schema as it is.
 */
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';

/** A flat file name such as "main.js": no folders, no leading dot. */
const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

export const DEFAULT_TIME_LIMIT = 15;

export const lessonFields = z.strictObject({
  title: z.string({ error: 'title is required: the lesson name shown in the sidebar and as the page heading' }).min(1, 'title must not be empty'),
  description: z
    .string({ error: 'description is required: one sentence saying what the learner will do' })
    .trim()
    .min(1, 'description must not be empty'),
  hints: z
    .array(z.string({ error: 'each hint must be a string' }).trim().min(1, 'a hint must not be empty'), {
      error: 'hints is required: a list of at least one hint',
    })
    .min(1, 'hints must list at least one hint'),
  focus: z
    .string({ error: 'focus must be a file name such as "main.js"' })
    .regex(FILE_NAME, 'focus must be a flat file name from files/, such as "main.js"')
    .optional(),
  timeLimit: z
    .number({ error: 'timeLimit must be a number of seconds' })
    .min(5, 'timeLimit must be at least 5 seconds')
    .max(120, 'timeLimit must be at most 120 seconds')
    .default(DEFAULT_TIME_LIMIT),
  /**
   * The lesson's peers meet in two tabs (or a computer and a phone): the
   * workspace offers "Open the other peer in a new tab" and a QR code, and the
   * learner's code gets `playground.pair` (its side and both PeerJS ids).
   */
  pairing: z.boolean({ error: 'pairing must be true or false' }).default(false),
});

type SchemaContext = Parameters<ReturnType<typeof docsSchema>>[0];

/** The collection schema (Astro calls it with its schema context). */
export const lessonSchema = (context: SchemaContext) => docsSchema({ extend: lessonFields })(context);

/** For code outside Astro (tests, the sidebar): images are not allowed in lesson frontmatter anyway. */
export const lessonSchemaWithoutImages = lessonSchema({
  image: () => z.never({ error: 'images are not supported in lesson frontmatter' }),
} as unknown as SchemaContext);

export type LessonFrontmatter = z.output<typeof lessonSchemaWithoutImages>;

/** One line per problem, each naming its field: "hints: hints must list at least one hint". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(frontmatter)';
    return `${field}: ${issue.message}`;
  });
}
