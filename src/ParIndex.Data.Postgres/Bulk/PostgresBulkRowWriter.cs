using Npgsql;
using NpgsqlTypes;
using ParIndex.Data.Bulk;

namespace ParIndex.Data.Postgres.Bulk;

/// <summary>Rows through one binary <c>COPY … FROM STDIN</c> per table, in the caller's transaction.</summary>
public sealed class PostgresBulkRowWriter : IBulkRowWriter
{
    public async Task<long> WriteAsync(ParIndexDbContext db, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var (connection, _) = await BulkConnection.OpenAsync(db, cancellationToken).ConfigureAwait(false);
        var sql = $"COPY {BulkConnection.Quote(table)} ({string.Join(", ", columns.Select(BulkConnection.Quote))}) FROM STDIN (FORMAT BINARY)";
        await using var copy = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(sql, cancellationToken).ConfigureAwait(false);
        // The server checks foreign keys of the whole load at completion: no client-side time limit.
        copy.Timeout = TimeSpan.Zero;
        long count = 0;
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
            foreach (var value in row)
            {
                await WriteValueAsync(copy, value, cancellationToken).ConfigureAwait(false);
            }

            count++;
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    private static Task WriteValueAsync(NpgsqlBinaryImporter copy, object? value, CancellationToken cancellationToken) => value switch
    {
        null => copy.WriteNullAsync(cancellationToken),
        int i => copy.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken),
        long l => copy.WriteAsync(l, NpgsqlDbType.Bigint, cancellationToken),
        decimal d => copy.WriteAsync(d, NpgsqlDbType.Numeric, cancellationToken),
        string s => copy.WriteAsync(s, NpgsqlDbType.Text, cancellationToken),
        bool b => copy.WriteAsync(b, NpgsqlDbType.Boolean, cancellationToken),
        DateTime t => copy.WriteAsync(t, NpgsqlDbType.TimestampTz, cancellationToken),
        _ => throw new ArgumentException($"No bulk mapping for {value.GetType().Name}.", nameof(value)),
    };
}
