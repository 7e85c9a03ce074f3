// har-schema ships its JSON schemas without types: one schema per HAR object, by name.
declare module 'har-schema' {
  const schemas: Record<string, { $id: string }>;
  export default schemas;
}
