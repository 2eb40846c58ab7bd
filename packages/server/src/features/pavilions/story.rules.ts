import { validationMessages as m, type ValidationIssue } from '@pavilion/contracts';
import { richTextToPlain } from '../../platform/rich-text.ts';

/**
 * A story goes public in both languages at once (buyers read Chinese first, the pavilion's own
 * people English): both titles are required by the schema, both bodies must hold text here.
 * Issues name the story's field, since the publish request itself has no body.
 */
export function publishIssues(story: { bodyEn: string; bodyZh: string }): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (richTextToPlain(story.bodyEn) === '') issues.push({ field: 'story.bodyEn', rule: 'required_to_publish', message: m.requiredToPublish.en });
  if (richTextToPlain(story.bodyZh) === '') issues.push({ field: 'story.bodyZh', rule: 'required_to_publish', message: m.requiredToPublish.en });
  return issues;
}
