import type { z } from 'zod';
import type {
  exchangeRateOverviewSchema,
  paymentAnomalySchema,
  searchIndexStatusSchema,
  searchWordSchema,
  synonymSchema, exporterQueueSchema, operatorExporterSchema, operatorPavilionContentSchema, operatorProductSchema, operatorStoryListSchema, zeroResultListSchema} from '@pavilion/contracts';
import type { exchangeRateInputSchema, paymentAnomalyQuerySchema, hotSearchInputSchema, searchWordInputSchema, synonymInputSchema, customsQueueFilters } from '@pavilion/contracts';

export type PaymentAnomaly = z.output<typeof paymentAnomalySchema>;
export type CustomsFilter = (typeof customsQueueFilters)[number];
export type AnomalyFilter = z.output<typeof paymentAnomalyQuerySchema>['status'];

export type OperatorExporter = z.output<typeof operatorExporterSchema>;
export type ExporterQueue = z.output<typeof exporterQueueSchema>;
export type OperatorProductView = z.output<typeof operatorProductSchema>;
export type RateOverview = z.output<typeof exchangeRateOverviewSchema>;
export type RateInput = z.output<typeof exchangeRateInputSchema>;
export type PavilionContent = z.output<typeof operatorPavilionContentSchema>;
export type StoryListItem = z.output<typeof operatorStoryListSchema>['items'][number];
export type ZeroResultQuery = z.output<typeof zeroResultListSchema>['items'][number];
export type SearchWord = z.output<typeof searchWordSchema>;
export type SearchWordInput = z.output<typeof searchWordInputSchema>;
export type Synonym = z.output<typeof synonymSchema>;
export type SynonymInput = z.output<typeof synonymInputSchema>;
export type HotSearchInput = z.output<typeof hotSearchInputSchema>;
export type SearchIndexStatus = z.output<typeof searchIndexStatusSchema>;

