import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { lessonsLoader } from './lessons/loader.ts';
import { lessonSchema } from './lessons/schema.ts';

export const collections = {
  // Site pages (the home page) in src/content/docs, as in any Starlight site.
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  // One entry per lesson folder, id = slug; pages are built by src/pages/lessons/[slug].astro.
  lessons: defineCollection({ loader: lessonsLoader(__PLAYGROUND_LESSONS_DIR__), schema: lessonSchema }),
};
