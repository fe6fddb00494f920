using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Frameworks;
using ParIndex.Core.Frameworks;
using ParIndex.Data;
using ParIndex.Data.Campaigns;
using ParIndex.Data.Units;

namespace ParIndex.Application.Demo;

/// <summary>
/// The demo's department (sở) framework and its sample campaigns. The framework is made the way a
/// coordinator makes one: a draft from a table (<c>samples/sample-department-2023-table.txt</c>,
/// sample data, not an official document) through the library, then activated. Bắc Giang's
/// departments are assessed with it in 2022 and 2023; the districts keep the provincial framework.
/// </summary>
public sealed class DemoDepartmentFramework(ParIndexDbContext db, FrameworkLibrary library, FrameworkCache frameworks)
{
    public const string FrameworkId = "sample-department-2023";
    public const string Title = "Bộ chỉ số CCHC cấp sở 2023 (dữ liệu mẫu)";
    private const string TableResource = "ParIndex.Application.Demo.sample-department-2023-table.txt";

    public static string CampaignName(int year) => $"Chỉ số CCHC các sở, ngành tỉnh Bắc Giang năm {year}, bộ tiêu chí cấp sở (dữ liệu mẫu)";

    /// <summary>Creates and activates the framework (once); returns its record and parsed form.</summary>
    public async Task<(FrameworkRecord Record, Framework Framework)> EnsureAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Frameworks.SingleOrDefaultAsync(f => f.FrameworkId == FrameworkId, cancellationToken);
        if (existing is null)
        {
            var demo = CurrentUser.Operator("demo");
            await using var table = typeof(DemoDepartmentFramework).Assembly.GetManifestResourceStream(TableResource)
                ?? throw new InvalidOperationException("Thiếu biểu mẫu cấp sở trong ứng dụng.");
            var draft = await library.CreateFromTableAsync(table, new FrameworkFromTableRequest("department", 2023, Title, FrameworkId), demo, cancellationToken);
            await library.ActivateAsync(draft.Summary.Id, new FrameworkStateRequest(draft.Summary.Revision), demo, cancellationToken);
            existing = await db.Frameworks.SingleAsync(f => f.Id == draft.Summary.Id, cancellationToken);
        }

        return (existing, frameworks.Get(existing));
    }

    /// <summary>The departments among the demo units, in code order.</summary>
    public static List<Unit> Departments(IEnumerable<Unit> units) =>
        units.Where(u => u.Kind == "department").OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
}
