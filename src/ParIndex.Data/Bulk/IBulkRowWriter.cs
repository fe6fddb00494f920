using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ParIndex.Data.Bulk;

/// <summary>
/// Writes many rows into one table on the context's connection, inside its current transaction,
/// through the provider's fastest path (PostgreSQL binary COPY; SQLite one prepared INSERT re-bound
/// per row). For generated and imported data of national size, where one EF save per row (or even
/// a batched save of tracked entities) costs minutes and gigabytes (ADR 0132).
/// Values are <see cref="int"/>, <see cref="long"/>, <see cref="decimal"/>, <see cref="string"/>,
/// <see cref="bool"/>, UTC <see cref="DateTime"/> or null.
/// </summary>
public interface IBulkRowWriter
{
    /// <returns>The number of rows written.</returns>
    Task<long> WriteAsync(ParIndexDbContext db, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken);
}

/// <summary>The connection and transaction a bulk write runs on.</summary>
public static class BulkConnection
{
    /// <summary>The context's open connection; a transaction is required so that a failed load leaves nothing.</summary>
    public static async Task<(DbConnection Connection, DbTransaction Transaction)> OpenAsync(ParIndexDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk write needs a transaction on the context (BeginTransactionAsync).");
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        return (connection, transaction);
    }

    /// <summary>A quoted identifier (table and column names come from code, never from input).</summary>
    public static string Quote(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? "\"" + name + "\""
            : throw new ArgumentException($"Not a plain identifier: {name}", nameof(name));
    }
}
