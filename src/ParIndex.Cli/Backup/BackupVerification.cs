using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ParIndex.Cli.Backup;

/// <summary>One evidence row of the copy: where its bytes are and what they must hash to.</summary>
internal sealed record EvidenceRow(string StorageName, string Sha256, long Size, bool BytesInDatabase)
{
    /// <summary>
    /// The local store names its files <c>{guid}.bin</c>; the database and S3 stores use the
    /// content's SHA-256 (64 hex digits), so the name tells which store wrote the row.
    /// </summary>
    public bool IsLocalFile => !(StorageName.Length == 64 && StorageName.All(char.IsAsciiHexDigitLower));
}

/// <summary>What the check of a copy found.</summary>
internal sealed record BackupCheck(string? Problem, bool NotParIndex, int Tables, long Assessments, IReadOnlyList<string> Migrations, IReadOnlyList<EvidenceRow> Evidence);

/// <summary>Checks a copy by opening it on its own: integrity, the migrations history, what it holds.</summary>
internal static class BackupVerification
{
    public static BackupCheck Check(string path)
    {
        // Not ReadOnly: the copy keeps the source's WAL mode, and only a writable last connection
        // removes the -wal and -shm files on close, leaving one self-contained file.
        var readWrite = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ConnectionString;
        using var connection = new SqliteConnection(readWrite);
        connection.Open();
        var integrity = Strings(connection, "PRAGMA integrity_check");
        if (integrity is not ["ok"])
        {
            return Failed("PRAGMA integrity_check: " + string.Join("; ", integrity.Take(5)), notParIndex: false);
        }

        var tables = Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        if (!tables.Contains("__EFMigrationsHistory", StringComparer.Ordinal) || !tables.Contains("Assessments", StringComparer.Ordinal))
        {
            return Failed("không phải cơ sở dữ liệu ParIndex: không có bảng __EFMigrationsHistory hoặc Assessments", notParIndex: true);
        }

        var migrations = Strings(connection, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"");
        if (migrations.Count == 0)
        {
            return Failed("lịch sử migration trống", notParIndex: true);
        }

        var assessments = Convert.ToInt64(Scalar(connection, "SELECT COUNT(*) FROM \"Assessments\""), CultureInfo.InvariantCulture);
        var evidence = new List<EvidenceRow>();
        if (tables.Contains("EvidenceFiles", StringComparer.Ordinal))
        {
            using var command = connection.CreateCommand();
            // Databases older than the database store have no chunks table.
            var inDatabase = tables.Contains("EvidenceChunks", StringComparer.Ordinal)
                ? "EXISTS (SELECT 1 FROM \"EvidenceChunks\" c WHERE c.\"Sha256\" = f.\"StorageName\")"
                : "0";
            command.CommandText = $"SELECT f.\"StorageName\", f.\"Sha256\", f.\"Size\", {inDatabase} FROM \"EvidenceFiles\" f ORDER BY f.\"StorageName\"";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                evidence.Add(new EvidenceRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetBoolean(3)));
            }
        }

        return new BackupCheck(null, false, tables.Count, assessments, migrations, evidence);
    }

    private static BackupCheck Failed(string problem, bool notParIndex) => new(problem, notParIndex, 0, 0, [], []);

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static object Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()!;
    }
}
