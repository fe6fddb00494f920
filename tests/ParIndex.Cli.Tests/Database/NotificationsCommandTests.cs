using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParIndex.Data;
using ParIndex.Data.Accounts;
using ParIndex.Data.Assessments;
using ParIndex.Data.Campaigns;
using ParIndex.Data.Notifications;
using ParIndex.Data.Sqlite;
using ParIndex.Data.Units;

namespace ParIndex.Cli.Tests.Database;

/// <summary><c>parindex notifications run</c>: one pass for cron-style deployments.</summary>
public sealed class NotificationsCommandTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "parindex-cli-notify-" + Guid.NewGuid().ToString("N") + ".db");

    private string Connection => $"Data Source={file};Pooling=False";

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task One_pass_creates_a_due_reminder_once_and_skips_mail_without_smtp()
    {
        Assert.Equal(0, Run("db", "migrate", "--provider", "Sqlite", "--connection", Connection).Code);
        await using (var db = Open())
        {
            var unit = new Unit { Code = "LS", Name = "Tỉnh Lạng Sơn", Kind = "province" };
            var framework = new FrameworkRecord { FrameworkId = "t", Version = "1", Title = "t", Json = "{}" };
            var campaign = new Campaign { Name = "Kỳ thử CLI", Year = 2026, Framework = framework, SelfAssessmentDeadline = DateTime.UtcNow.AddHours(20) };
            db.Add(new Assessment { Campaign = campaign, Unit = unit });
            var role = new IdentityRole(Roles.UnitLead) { NormalizedName = Roles.UnitLead.ToUpperInvariant() };
            var user = new AppUser { UserName = "lead.ls", NormalizedUserName = "LEAD.LS", Email = "lead@ls.invalid", Unit = unit };
            db.AddRange(role, user);
            await db.SaveChangesAsync();
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
            await db.SaveChangesAsync();
        }

        var first = Run("notifications", "run", "--provider", "Sqlite", "--connection", Connection);
        Assert.Equal(0, first.Code);
        Assert.Contains("Đã tạo 1 thông báo", first.Out, StringComparison.Ordinal);
        var second = Run("notifications", "run", "--provider", "Sqlite", "--connection", Connection);
        Assert.Equal(0, second.Code);
        Assert.Contains("Đã tạo 0 thông báo", second.Out, StringComparison.Ordinal);

        await using (var db = Open())
        {
            var notification = await db.Notifications.Include(n => n.Deliveries).SingleAsync();
            Assert.Equal(NotificationKinds.SelfAssessmentDeadline, notification.Kind);
            Assert.StartsWith("[PAR INDEX] Nhắc hạn tự đánh giá: còn 20 giờ", notification.Subject, StringComparison.Ordinal);
            // No SMTP server in the environment: the notification is in the app only.
            Assert.Equal(DeliveryStatus.Skipped, Assert.Single(notification.Deliveries).Status);
        }
    }

    [Fact]
    public void An_unknown_provider_exits_2()
    {
        var result = Run("notifications", "run", "--provider", "Oracle", "--connection", Connection);
        Assert.Equal(2, result.Code);
        Assert.Contains("--provider", result.Err, StringComparison.Ordinal);
    }

    private ParIndexDbContext Open() => new(new DbContextOptionsBuilder<ParIndexDbContext>().UseParIndexSqlite(Connection).Options);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
    }
}
