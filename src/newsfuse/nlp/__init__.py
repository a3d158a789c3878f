"""Language: sentences, entity analysis, time expressions, embeddings, gazetteer."""
