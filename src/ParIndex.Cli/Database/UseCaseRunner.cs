using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Application.Problems;
using ParIndex.Data;
using ParIndex.Data.Providers;

namespace ParIndex.Cli.Database;

/// <summary>
/// Runs a command's body on the application's use cases (the ones the web app calls) in one scope,
/// inside one transaction, and maps refusals to exit codes: a use case's refusal (not found,
/// invalid, conflict…) is 1 with its Vietnamese message and the field it names; a database that
/// cannot be opened or is not migrated is 2.
/// </summary>
internal static class UseCaseRunner
{
    /// <summary>JSON as the web API writes it (camelCase, numbers as JSON numbers), readable Vietnamese, indented.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(ParIndexDatabase database, TextWriter stderr, Func<IServiceProvider, Task<int>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            await using var services = DatabaseOptions.Services(database);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParIndexDbContext>();
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                stderr.WriteLine("Lỗi: cơ sở dữ liệu chưa được cập nhật cấu trúc: chạy 'parindex db migrate' trước.");
                return CliApp.UnreadableExitCode;
            }

            // Several use cases in one command (create, then set the previous campaign) commit together or not at all.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var code = await body(scope.ServiceProvider);
            if (code == 0)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return code;
        }
        catch (DomainException e)
        {
            Report(e, stderr);
            return 1;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            stderr.WriteLine($"Lỗi: không dùng được cơ sở dữ liệu: {e.Message}");
            return CliApp.UnreadableExitCode;
        }
    }

    /// <summary>The refusal as the web's problem details word it: title, detail, and each field named.</summary>
    public static void Report(DomainException e, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(stderr);
        stderr.WriteLine($"Lỗi: {e.Title}: {e.Message}");
        foreach (var field in e.Errors.Where(f => f.Message != e.Message))
        {
            stderr.WriteLine($"  {field.Field}: {field.Message}");
        }

        if (e.Errors.Count > 0)
        {
            stderr.WriteLine($"  (trường: {string.Join(", ", e.Errors.Select(f => f.Field).Distinct(StringComparer.Ordinal))})");
        }
    }
}
