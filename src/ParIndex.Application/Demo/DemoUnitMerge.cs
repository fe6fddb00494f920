using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Units;
using ParIndex.Core.Frameworks;
using ParIndex.Data;
using ParIndex.Data.Bulk;
using ParIndex.Data.Campaigns;

namespace ParIndex.Application.Demo;

/// <summary>
/// Sample data (dữ liệu mẫu), not an official decision: Bắc Giang's Sở Kế hoạch và Đầu tư and Sở Tài
/// chính merge into one new department on 1 July 2025, recorded as lineage through the real use case;
/// then a 2025 departments-only campaign that runs no survey (index over the self-assessed maximum)
/// shows the merged unit's card with its predecessors' 2023 results side by side (ADR 0126, 0127).
/// </summary>
public static class DemoUnitMerge
{
    public const string MergedCode = "BG-STC-2025";

    public static readonly DateOnly EffectiveDate = new(2025, 7, 1);

    public const string CampaignName = "Chỉ số CCHC các sở tỉnh Bắc Giang 2025 (dữ liệu mẫu)";

    public static async Task SeedAsync(ParIndexDbContext db, IBulkRowWriter bulk, TimeProvider clock, FrameworkRecord record, Framework framework, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lineage = new UnitLineageService(db, clock);
        var predecessors = await db.Units.Where(u => u.Code == "BG-SKHDT" || u.Code == DemoUnits.FinanceCode).Select(u => u.Id).ToListAsync(cancellationToken);
        await lineage.MergeAsync(new MergeRequest(predecessors,
                new NewUnitRequest(MergedCode, "Sở Tài chính tỉnh Bắc Giang (sau hợp nhất, dữ liệu mẫu)"),
                EffectiveDate,
                "Dữ liệu mẫu: hợp nhất minh hoạ Sở Kế hoạch và Đầu tư với Sở Tài chính, không phải quyết định chính thức."),
            CurrentUser.Operator("sample"), cancellationToken);

        var previous = await db.Campaigns.Where(c => c.IsSample && c.Year == 2023).OrderByDescending(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        var departments = (await lineage.ActiveUnitsAsync("department", new DateOnly(2025, 12, 31), cancellationToken)).Select(u => u.Id).ToHashSet();
        var units = await db.Units.Where(u => departments.Contains(u.Id)).OrderBy(u => u.Code).ToListAsync(cancellationToken);
        var campaign = await SampleCampaignGenerator.AddAsync(db, bulk, record, framework, units, 2025, previous, now, cancellationToken, name: CampaignName);
        campaign.SurveyNotRun = true;
        campaign.PublishedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }
}
