using System.Text;
using Microsoft.EntityFrameworkCore;
using ParIndex.Data.History;

namespace ParIndex.Data.Assessments;

/// <summary>
/// Writes the autosave of an existing leaf entry: its new values, only if its stored version is
/// still the one the user edited, and its history lines — all or nothing (ADR 0142).
/// PostgreSQL: one statement (the UPDATE and the INSERT of the history lines as data-modifying
/// CTEs, the lines inserted only from the row the UPDATE returned), so one round trip and one commit
/// instead of BEGIN + batch, then COMMIT. SQLite (in-process, no round trips): the tracked update
/// with its version as the concurrency token and the lines, in one <c>SaveChanges</c>.
/// </summary>
public static class LeafSaveWriter
{
    /// <summary>
    /// Stores <paramref name="entry"/>'s values (its <see cref="LeafEntry.Version"/> already the new
    /// one) when the stored version is <paramref name="expectedVersion"/>; false when it is not (a
    /// concurrent save won: nothing is written). A unique-key race still throws <see cref="DbUpdateException"/>.
    /// </summary>
    public static async Task<bool> UpdateAsync(ParIndexDbContext db, LeafEntry entry, int expectedVersion, IReadOnlyList<HistoryEntry> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(lines);
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            var (sql, parameters) = PostgresStatement(entry, expectedVersion, lines);
            var updated = await db.Database.SqlQueryRaw<int>(sql, parameters).ToListAsync(cancellationToken).ConfigureAwait(false);
            return updated is [1];
        }

        db.LeafEntries.Attach(entry);
        var tracked = db.Entry(entry);
        foreach (var property in new[] { nameof(LeafEntry.Score), nameof(LeafEntry.Level), nameof(LeafEntry.FiguresJson), nameof(LeafEntry.NotApplicable),
                     nameof(LeafEntry.Explanation), nameof(LeafEntry.Points), nameof(LeafEntry.Memo), nameof(LeafEntry.UpdatedAt), nameof(LeafEntry.UpdatedBy), nameof(LeafEntry.Version) })
        {
            tracked.Property(property).IsModified = true;
        }

        // The row is updated only if nobody saved it since the version the user edited.
        tracked.Property(e => e.Version).OriginalValue = expectedVersion;
        db.History.AddRange(lines);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>
    /// The statement and its parameters. Every statement of a WITH sees the same snapshot and runs
    /// once; the history lines are inserted from the UPDATE's own result, so a save that lost the
    /// race to a concurrent one (its UPDATE re-checks the version on the newest row and matches
    /// nothing) inserts no line. The text depends only on the number of lines, so the connection's
    /// automatic preparation (ADR 0134) keeps at most a few versions of it.
    /// </summary>
    internal static (string Sql, object[] Parameters) PostgresStatement(LeafEntry entry, int expectedVersion, IReadOnlyList<HistoryEntry> lines)
    {
        var parameters = new List<object>();
        string P(object? value)
        {
            // Raw parameters: a null has no type of its own, so each placeholder is cast where it is used.
            parameters.Add(value ?? DBNull.Value);
            return "{" + (parameters.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
        }

        var sql = new StringBuilder();
        sql.Append("WITH u AS (UPDATE \"LeafEntries\" SET ")
            .Append("\"Score\" = CAST(").Append(P(entry.Score)).Append(" AS numeric), ")
            .Append("\"Level\" = CAST(").Append(P(entry.Level)).Append(" AS text), ")
            .Append("\"FiguresJson\" = CAST(").Append(P(entry.FiguresJson)).Append(" AS text), ")
            .Append("\"NotApplicable\" = CAST(").Append(P(entry.NotApplicable)).Append(" AS boolean), ")
            .Append("\"Explanation\" = CAST(").Append(P(entry.Explanation)).Append(" AS text), ")
            .Append("\"Points\" = CAST(").Append(P(entry.Points)).Append(" AS numeric), ")
            .Append("\"Memo\" = CAST(").Append(P(entry.Memo)).Append(" AS text), ")
            .Append("\"UpdatedAt\" = CAST(").Append(P(entry.UpdatedAt)).Append(" AS timestamp with time zone), ")
            .Append("\"UpdatedBy\" = CAST(").Append(P(entry.UpdatedBy)).Append(" AS text), ")
            .Append("\"Version\" = CAST(").Append(P(entry.Version)).Append(" AS integer) ")
            .Append("WHERE \"Id\" = CAST(").Append(P(entry.Id)).Append(" AS integer) AND \"Version\" = CAST(").Append(P(expectedVersion)).Append(" AS integer) RETURNING \"Id\")");
        if (lines.Count > 0)
        {
            sql.Append(", h AS (INSERT INTO \"History\" (\"AssessmentId\", \"At\", \"Entity\", \"Field\", \"LeafCode\", \"NewValue\", \"OldValue\", \"Reason\", \"UserName\") ")
                .Append("SELECT v.a, v.t, v.e, v.f, v.l, v.n, v.o, v.r, v.w FROM u CROSS JOIN (VALUES ");
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                sql.Append(i == 0 ? "" : ", ")
                    .Append("(CAST(").Append(P(line.AssessmentId)).Append(" AS integer), CAST(").Append(P(line.At)).Append(" AS timestamp with time zone), CAST(")
                    .Append(P(line.Entity)).Append(" AS text), CAST(").Append(P(line.Field)).Append(" AS text), CAST(").Append(P(line.LeafCode)).Append(" AS text), CAST(")
                    .Append(P(line.NewValue)).Append(" AS text), CAST(").Append(P(line.OldValue)).Append(" AS text), CAST(").Append(P(line.Reason)).Append(" AS text), CAST(")
                    .Append(P(line.UserName)).Append(" AS text))");
            }

            sql.Append(") AS v(a, t, e, f, l, n, o, r, w))");
        }

        sql.Append(" SELECT CAST(count(*) AS integer) AS \"Value\" FROM u");
        return (sql.ToString(), [.. parameters]);
    }
}
