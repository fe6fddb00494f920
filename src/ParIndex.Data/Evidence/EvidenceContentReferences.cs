using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ParIndex.Data.Evidence;

/// <summary>
/// The reference count of a content, changed with single upsert/update statements inside the
/// caller's transaction: the row stays locked until the commit, so an upload and a deletion of the
/// same content on two instances are serialised (SQL valid on PostgreSQL and SQLite).
/// </summary>
internal static class EvidenceContentReferences
{
    /// <summary>Adds a reference; returns the new count (1: the content is new and must be written).</summary>
    public static async Task<int> AddAsync(ParIndexDbContext db, string sha256, long size, CancellationToken cancellationToken)
    {
        await using var command = Command(db, """
            INSERT INTO "EvidenceContents" ("Sha256", "Size", "References") VALUES (@sha, @size, 1)
            ON CONFLICT ("Sha256") DO UPDATE SET "References" = "EvidenceContents"."References" + 1
            RETURNING "References"
            """);
        Add(command, "sha", sha256);
        Add(command, "size", size);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Drops a reference; at zero, deletes the content and its chunks. Returns true when the content went.</summary>
    public static async Task<bool> ReleaseAsync(ParIndexDbContext db, string sha256, CancellationToken cancellationToken)
    {
        await using var update = Command(db, """
            UPDATE "EvidenceContents" SET "References" = "References" - 1 WHERE "Sha256" = @sha RETURNING "References"
            """);
        Add(update, "sha", sha256);
        var left = await update.ExecuteScalarAsync(cancellationToken);
        if (left is null or DBNull || Convert.ToInt32(left, System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            return false;
        }

        await using var chunks = Command(db, """DELETE FROM "EvidenceChunks" WHERE "Sha256" = @sha""");
        Add(chunks, "sha", sha256);
        await chunks.ExecuteNonQueryAsync(cancellationToken);
        await using var content = Command(db, """DELETE FROM "EvidenceContents" WHERE "Sha256" = @sha AND "References" <= 0""");
        Add(content, "sha", sha256);
        await content.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    /// <summary>A command on the context's connection, enlisted in its current transaction (which must exist).</summary>
    public static DbCommand Command(ParIndexDbContext db, string sql)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("The evidence store writes only inside the transaction of the evidence rows.");
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
#pragma warning disable CA2100 // Constant SQL; values go through parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    public static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
