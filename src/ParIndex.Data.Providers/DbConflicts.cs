using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ParIndex.Data.Providers;

/// <summary>
/// Which database failures are a conflict with another user's save (409): a lost optimistic
/// concurrency check or a unique-key violation (SQLite 19/2067 or 19/1555, PostgreSQL 23505).
/// Anything else (a NUL PostgreSQL refuses, a value too long, a lost connection) is not the
/// user's concurrent edit and must not be reported as one.
/// </summary>
public static class DbConflicts
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintForeignKey = 787;

    public static bool IsConflict(DbUpdateException exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        { InnerException: SqliteException { SqliteErrorCode: SqliteConstraint } s } =>
            s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => true,
        _ => false,
    };

    /// <summary>A row that another save removed or still refers to (SQLite 19/787, PostgreSQL 23503).</summary>
    public static bool IsForeignKeyViolation(DbUpdateException exception) => exception switch
    {
        { InnerException: SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintForeignKey } } => true,
        { InnerException: PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } } => true,
        _ => false,
    };
}
