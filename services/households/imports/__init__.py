"""BMN imports: files uploaded in chunks, decoded, validated row by row, upserted in batches."""
