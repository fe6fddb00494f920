using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParIndex.Core.Frameworks;
using ParIndex.Core.OfficialTables;
using ParIndex.Data;
using ParIndex.Data.Accounts;
using ParIndex.Data.Assessments;
using ParIndex.Data.Bulk;
using ParIndex.Data.Campaigns;
using ParIndex.Data.History;
using ParIndex.Data.Units;

namespace ParIndex.Application.Demo;

/// <summary>
/// Seeds what every installation needs (the roles, the built-in frameworks) and, in demo mode, the
/// demo units, accounts and the 2023 campaign with Bắc Giang's self-assessment imported from the seed.
/// Runs once: an existing unit means the demo data is there.
/// </summary>
public sealed class DemoSeeder(
    ParIndexDbContext db,
    RoleManager<IdentityRole> roles,
    UserManager<AppUser> users,
    IOptions<DemoOptions> options,
    IConfiguration configuration,
    TimeProvider clock,
    DemoSurveySeeder surveys,
    DemoDepartmentFramework departmentFramework,
    IBulkRowWriter bulk,
    ILogger<DemoSeeder> logger)
{
    public const string CampaignName = "PAR INDEX 2023 cấp tỉnh";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var framework in BuiltInFrameworks.All)
        {
            if (!await db.Frameworks.AnyAsync(f => f.FrameworkId == framework.Id && f.Version == framework.Version, cancellationToken))
            {
                using var stream = BuiltInFrameworks.OpenFile(framework.Id)!;
                using var reader = new StreamReader(stream);
                db.Frameworks.Add(new FrameworkRecord
                {
                    FrameworkId = framework.Id,
                    Version = framework.Version,
                    Year = framework.Year,
                    Title = framework.Title,
                    UnitKind = framework.UnitKind,
                    Json = await reader.ReadToEndAsync(cancellationToken),
                    ImportedAt = now,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (!options.Value.Enabled)
        {
            await BootstrapAdministratorAsync();
            return;
        }

        if (await db.Units.AnyAsync(cancellationToken))
        {
            return;
        }

        // Progress lines: the first start of a fresh clone seeds for a while, and says what it is doing.
        var step = System.Diagnostics.Stopwatch.StartNew();
        void Done(string what)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Dữ liệu mẫu / demo data: {What} ({Milliseconds} ms)", what, step.ElapsedMilliseconds);
            }

            step.Restart();
        }

        logger.LogInformation("Dữ liệu mẫu / demo data: đang nạp / seeding (units, accounts, self-assessment, survey, sample campaigns)");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var u in DemoUnits.All.Concat(DemoUnits.Internal))
        {
            var unit = new Unit { Code = u.Code, Name = u.Name, Kind = u.Kind, Region = u.Region, Parent = u.ParentCode is null ? null : units[u.ParentCode] };
            units[u.Code] = unit;
            db.Units.Add(unit);
        }

        await db.SaveChangesAsync(cancellationToken);
        Done($"{units.Count} đơn vị / units");
        // Every demo account has the same published password: hashing it once instead of once per
        // account saves ~0,3 s of key stretching per account on the first start.
        string? passwordHash = null;
        foreach (var account in DemoAccounts.All)
        {
            var user = new AppUser
            {
                UserName = account.UserName,
                FullName = account.FullName,
                Email = account.UserName + "@parindex.invalid",
                EmailConfirmed = true,
                UnitId = account.UnitCode is null ? null : units[account.UnitCode].Id,
                LockoutEnabled = true,
            };
            if (passwordHash is null)
            {
                Check(await users.CreateAsync(user, options.Value.Password), account.UserName);
                passwordHash = user.PasswordHash;
            }
            else
            {
                user.PasswordHash = passwordHash;
                Check(await users.CreateAsync(user), account.UserName);
            }

            Check(await users.AddToRoleAsync(user, account.Role), account.UserName);
        }

        Done($"{DemoAccounts.All.Count} tài khoản / accounts");
        var framework2023 = BuiltInFrameworks.Province2023;
        var record = await db.Frameworks.SingleAsync(f => f.FrameworkId == framework2023.Id && f.Version == framework2023.Version, cancellationToken);
        var campaign = new Campaign
        {
            Name = CampaignName,
            Year = 2023,
            FrameworkRecordId = record.Id,
            CreatedAt = now,
            // The demo stays editable: the deadline is a month ahead of the first start.
            SelfAssessmentDeadline = now.Date.AddDays(31),
        };
        db.Campaigns.Add(campaign);
        var bacGiang = new Assessment { Campaign = campaign, UnitId = units[DemoUnits.BacGiangCode].Id };
        db.Assessments.Add(bacGiang);
        db.Assessments.Add(new Assessment { Campaign = campaign, UnitId = units[DemoUnits.LangSonCode].Id });
        foreach (var (prefix, unitCode) in DemoUnits.Assignments)
        {
            bacGiang.Assignments.Add(new Assignment { CodePrefix = prefix, ContributingUnitId = units[unitCode].Id });
        }

        await db.SaveChangesAsync(cancellationToken);
        await ImportSeedAsync(bacGiang, framework2023, now, cancellationToken);
        Done("bản tự đánh giá Bắc Giang 2023 / Bắc Giang's 2023 self-assessment");
        // Sample survey answers (labelled) for both provinces: about 400 respondents each, against quotas from N = 15 000 and 6 000.
        await surveys.SeedAsync(campaign, framework2023,
            [(units[DemoUnits.BacGiangCode].Id, DemoUnits.BacGiangCode, 15_000), (units[DemoUnits.LangSonCode].Id, DemoUnits.LangSonCode, 6_000)],
            respondentsPerUnit: 400, seed: 2023, importedBy: "coordinator", now, cancellationToken);
        Done("khảo sát mẫu 2 tỉnh × 400 người / sample survey, 2 provinces × 400 respondents");
        await SeedSampleCampaignsAsync(record, framework2023, units, now, cancellationToken);
        Done("kỳ đánh giá mẫu 2022–2023 của huyện và sở / sample 2022–2023 campaigns of districts and departments");
        await DemoCrosswalkSeeder.SeedAsync(db, clock, cancellationToken);
        await DemoUnitMerge.SeedAsync(db, bulk, clock, record, framework2023, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Done("bảng đối chiếu, sáp nhập mẫu / sample crosswalk and merge");
    }

    /// <summary>
    /// Bắc Giang's internal index for 2022 and 2023, generated and published (sample data): the
    /// districts with the provincial framework, the departments with the sample department framework.
    /// </summary>
    private async Task SeedSampleCampaignsAsync(FrameworkRecord record, Framework framework, Dictionary<string, Unit> units, DateTime now, CancellationToken cancellationToken)
    {
        await SeedSampleSeriesAsync(record, framework, units.Values.Where(u => u.Kind == "district").OrderBy(u => u.Code, StringComparer.Ordinal).ToList(),
            SampleCampaignGenerator.CampaignName, now, cancellationToken);
        var (departmentRecord, department) = await departmentFramework.EnsureAsync(cancellationToken);
        await SeedSampleSeriesAsync(departmentRecord, department, DemoDepartmentFramework.Departments(units.Values), DemoDepartmentFramework.CampaignName, now, cancellationToken);
    }

    private async Task SeedSampleSeriesAsync(FrameworkRecord record, Framework framework, List<Unit> assessed, Func<int, string> name, DateTime now, CancellationToken cancellationToken)
    {
        int? previous = null;
        foreach (var year in new[] { 2022, 2023 })
        {
            var strengths = new Dictionary<string, decimal>(StringComparer.Ordinal);
            // Entries and history in bulk (ADR 0132): tracked inserts of these thousands of rows were most of the seed.
            var campaign = await SampleCampaignGenerator.AddAsync(db, bulk, record, framework, assessed, year, previous, now, cancellationToken, strengths, name(year));
            // The survey is imported before publication freezes the campaign; its answers follow each unit's strength.
            var population = assessed.Select(u => (u.Id, u.Code, 800L + (SampleCampaignGenerator.Stable(u.Code) % 40) * 100)).ToList();
            await surveys.SeedAsync(campaign, framework, population, respondentsPerUnit: 60, seed: year, importedBy: "coordinator", now, cancellationToken, strengths);
            campaign.PublishedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            previous = campaign.Id;
        }
    }

    /// <summary>
    /// Outside demo mode, an empty installation gets one <c>admin</c> account when
    /// <c>Admin:InitialPassword</c> is configured (an environment variable or secret, never the repo).
    /// </summary>
    private async Task BootstrapAdministratorAsync()
    {
        var password = configuration["Admin:InitialPassword"];
        if (string.IsNullOrEmpty(password) || await users.Users.AnyAsync())
        {
            return;
        }

        var admin = new AppUser { UserName = "admin", FullName = "Quản trị hệ thống", LockoutEnabled = true };
        Check(await users.CreateAsync(admin, password), "admin");
        Check(await users.AddToRoleAsync(admin, Roles.Administrator), "admin");
        logger.LogInformation("Created the initial administrator account 'admin'");
    }

    private async Task ImportSeedAsync(Assessment assessment, Framework framework, DateTime now, CancellationToken cancellationToken)
    {
        var path = Path.IsPathRooted(options.Value.SeedTable) ? options.Value.SeedTable : Path.Combine(AppContext.BaseDirectory, options.Value.SeedTable);
        if (!File.Exists(path))
        {
            logger.LogWarning("Seed table {Path} not found: the Bắc Giang assessment starts empty", path);
            return;
        }

        OfficialTable table;
        await using (var stream = File.OpenRead(path))
        {
            table = OfficialTableTextReader.Read(stream);
        }

        var imported = SeedTableImporter.Import(framework, table, SeedTableImporter.BacGiang2023Figures());
        foreach (var leaf in imported)
        {
            leaf.Entry.AssessmentId = assessment.Id;
            leaf.Entry.Version = 1;
            leaf.Entry.UpdatedAt = now;
            leaf.Entry.UpdatedBy = "import";
            db.LeafEntries.Add(leaf.Entry);
            db.History.Add(new HistoryEntry
            {
                At = now,
                UserName = "import",
                Entity = nameof(LeafEntry),
                AssessmentId = assessment.Id,
                LeafCode = leaf.Entry.LeafCode,
                Field = "Points",
                NewValue = leaf.Entry.Points?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Reason = leaf.DerivedFigures
                    ? "Nhập từ biểu tự đánh giá 2023; biểu chỉ ghi tỷ lệ đã làm tròn nên tử số/mẫu số được quy đổi từ điểm đã ghi"
                    : "Nhập từ biểu tự đánh giá 2023",
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Không tạo được tài khoản mẫu {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
