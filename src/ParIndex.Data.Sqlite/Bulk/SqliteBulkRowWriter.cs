using System.Globalization;
using ParIndex.Data.Bulk;

namespace ParIndex.Data.Sqlite.Bulk;

/// <summary>
/// SQLite has no bulk-load protocol: one prepared INSERT re-bound per row inside the caller's
/// transaction (one journal sync at commit). Microsoft.Data.Sqlite binds decimals and dates as the
/// TEXT that EF writes, so EF reads the rows back unchanged.
/// </summary>
public sealed class SqliteBulkRowWriter : IBulkRowWriter
{
    public async Task<long> WriteAsync(ParIndexDbContext db, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var (connection, transaction) = await BulkConnection.OpenAsync(db, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {BulkConnection.Quote(table)} ({string.Join(", ", columns.Select(BulkConnection.Quote))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = columns.Select((_, i) =>
        {
            var p = command.CreateParameter();
            p.ParameterName = "$p" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        command.Prepare();
        long count = 0;
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            // In-process engine: the async API would only add overhead per row.
            command.ExecuteNonQuery();
            count++;
        }

        return count;
    }
}
