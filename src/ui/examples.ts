/** The examples gallery: files shipped in public/examples. */
export interface ExampleEntry {
  file: string;
  title: string;
}

export const EXAMPLES: readonly ExampleEntry[] = [
  { file: 'customer_support.json', title: 'Customer support' },
  { file: 'ecommerce_returns.json', title: 'E-commerce returns' },
  { file: 'content_pipeline.json', title: 'Content pipeline' },
  { file: 'homework_tutors.json', title: 'Homework tutors' },
];
