using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Data.Notifications;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Notifications;

/// <summary>
/// State-change notices and deadline reminders, received by a real SMTP server, on each database:
/// who gets what, once; reminders at the lead time; retries when the server is down; and the
/// in-app list that shows each user only their own notifications.
/// </summary>
public abstract class NotificationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : MailAppFixture
{
    private static Uri U(string path) => new(path, UriKind.Relative);

    private const string Coordinator = "coordinator@parindex.invalid";
    private const string Appraiser = "appraiser@parindex.invalid";
    private const string EditorLs = "editor.langson@parindex.invalid";
    private const string LeadLs = "lead.langson@parindex.invalid";

    /// <summary>A new campaign with Lạng Sơn alone and its own name, so each test owns its mails.</summary>
    private async Task<(string Name, int CampaignId, int AssessmentId)> NewCampaignAsync(string name, DateTime deadline)
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var units = await coordinator.GetFromJsonAsync<JsonElement>(U("/api/units"));
        var ls = units.EnumerateArray().Single(u => u.GetProperty("code").GetString() == "LS").GetProperty("id").GetInt32();
        var frameworks = await coordinator.GetFromJsonAsync<JsonElement>(U("/api/frameworks"));
        var fullName = name + " " + Guid.NewGuid().ToString("N")[..6];
        var created = await coordinator.PostAsJsonAsync(U("/api/campaigns"), new
        {
            name = fullName,
            year = 2024,
            frameworkRecordId = frameworks.EnumerateArray().First(f => f.GetProperty("frameworkId").GetString() == "par-index-province-2023").GetProperty("id").GetInt32(),
            unitIds = new[] { ls },
            selfAssessmentDeadline = deadline,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaign = await created.JsonAsync();
        return (fullName, campaign.GetProperty("id").GetInt32(), campaign.GetProperty("units")[0].GetProperty("assessmentId").GetInt32());
    }

    private async Task SubmitAsync(int assessmentId)
    {
        using var lead = await app.LoginAsync("lead.langson");
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsync(U($"/api/assessments/{assessmentId}/actions/submit"), null)).StatusCode);
    }

    private List<ReceivedMail> MailsAbout(string campaignName) =>
        app.Smtp.Received.Where(m => m.Subject.Contains(campaignName, StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task Submitting_mails_each_reviewer_once_with_subject_and_link_however_often_the_pass_runs()
    {
        var (name, _, id) = await NewCampaignAsync("Thông báo gửi", DateTime.UtcNow.AddDays(30));
        await SubmitAsync(id);

        var first = await app.PassAsync(DateTime.UtcNow.AddMinutes(1));
        Assert.False(first.ServerDown);
        await app.PassAsync(DateTime.UtcNow.AddMinutes(2));
        await app.PassAsync(DateTime.UtcNow.AddMinutes(3));

        var mails = MailsAbout(name);
        Assert.Equal([Appraiser, Coordinator], mails.Select(m => m.To).Order(StringComparer.Ordinal));
        foreach (var mail in mails)
        {
            Assert.Equal($"[PAR INDEX] Tỉnh Lạng Sơn đã gửi bản tự đánh giá – {name}", mail.Subject);
            Assert.Contains($"{MailAppFixture.PublicBaseUrl}/assessments/{id}/appraisal", mail.Text, StringComparison.Ordinal);
            Assert.Contains($"href=\"{MailAppFixture.PublicBaseUrl}/assessments/{id}/appraisal\"", mail.Html, StringComparison.Ordinal);
            Assert.Equal("parindex@test.invalid", mail.Message.From.Mailboxes.Single().Address);
        }

        // The same notices are in the app, for those two only.
        var recipients = await app.WithDbAsync(db => db.Notifications.Where(n => n.Kind == NotificationKinds.Submitted && n.Subject.Contains(name))
            .Join(db.Users, n => n.RecipientId, u => u.Id, (n, u) => u.UserName!).ToListAsync());
        Assert.Equal(["appraiser", "coordinator"], recipients.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Two_passes_at_the_same_moment_send_each_message_once()
    {
        var (name, _, id) = await NewCampaignAsync("Hai lượt cùng lúc", DateTime.UtcNow.AddDays(30));
        await SubmitAsync(id);

        var now = DateTime.UtcNow.AddMinutes(1);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => app.PassAsync(now))));

        Assert.Equal([Appraiser, Coordinator], MailsAbout(name).Select(m => m.To).Order(StringComparer.Ordinal));
        var keys = await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Subject.Contains(name)));
        Assert.Equal(2, keys);
    }

    [Fact]
    public async Task A_reminder_goes_out_at_each_lead_time_and_not_before()
    {
        var deadline = DateTime.UtcNow.AddDays(20);
        deadline = deadline.AddTicks(-(deadline.Ticks % TimeSpan.TicksPerSecond));
        var (name, _, _) = await NewCampaignAsync("Nhắc hạn", deadline);

        await RemindAsync(deadline - TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Empty(MailsAbout(name));

        await RemindAsync(deadline - TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await RemindAsync(deadline - TimeSpan.FromDays(7) + TimeSpan.FromHours(3));
        var week = MailsAbout(name);
        Assert.Equal([EditorLs, LeadLs], week.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(week, m => Assert.StartsWith("[PAR INDEX] Nhắc hạn tự đánh giá: còn 7 ngày", m.Subject, StringComparison.Ordinal));

        await RemindAsync(deadline - TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1));
        Assert.Equal(2, MailsAbout(name).Count);
        await RemindAsync(deadline - TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var day = MailsAbout(name).Skip(2).ToList();
        Assert.Equal([EditorLs, LeadLs], day.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(day, m => Assert.StartsWith("[PAR INDEX] Nhắc hạn tự đánh giá: còn 1 ngày", m.Subject, StringComparison.Ordinal));

        // After the deadline, nothing more.
        await RemindAsync(deadline + TimeSpan.FromMinutes(1));
        Assert.Equal(4, MailsAbout(name).Count);
    }

    [Fact]
    public async Task A_submitted_assessment_gets_no_self_assessment_reminder()
    {
        var deadline = DateTime.UtcNow.AddDays(3);
        var (name, _, id) = await NewCampaignAsync("Đã gửi không nhắc", deadline);
        await SubmitAsync(id);
        await RemindAsync(deadline - TimeSpan.FromHours(2));
        Assert.DoesNotContain(MailsAbout(name), m => m.Subject.Contains("Nhắc hạn", StringComparison.Ordinal));
    }

    /// <summary>Plans reminders and sends as if it were <paramref name="now"/> (the history cursor is left alone).</summary>
    private async Task RemindAsync(DateTime now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NotificationPlanner>().PlanRemindersAsync(now, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchAsync(now, CancellationToken.None);
    }

    [Fact]
    public async Task When_the_smtp_server_is_down_mails_wait_and_go_out_once_it_is_back()
    {
        var (name, _, id) = await NewCampaignAsync("Máy chủ thư ngừng", DateTime.UtcNow.AddDays(30));
        await SubmitAsync(id);
        var now = DateTime.UtcNow.AddMinutes(1);

        await app.Smtp.StopAsync();
        NotificationPassResult down;
        try
        {
            down = await app.PassAsync(now);
        }
        finally
        {
            await app.Smtp.StartAgainAsync();
        }

        Assert.True(down.ServerDown);
        Assert.Empty(MailsAbout(name));
        var failed = await app.WithDbAsync(db => db.NotificationDeliveries.Where(d => d.Notification!.Subject.Contains(name) && d.Attempts > 0).ToListAsync());
        var attempt = Assert.Single(failed);
        Assert.Equal(DeliveryStatus.Pending, attempt.Status);
        Assert.False(string.IsNullOrEmpty(attempt.LastError));
        Assert.True(attempt.NextAttemptAt > now);

        // Back up, but the failed one waits for its back-off; the untried one goes.
        await app.PassAsync(now.AddSeconds(10));
        Assert.Single(MailsAbout(name));
        await app.PassAsync(now.AddMinutes(2));
        await app.PassAsync(now.AddMinutes(3));
        Assert.Equal([Appraiser, Coordinator], MailsAbout(name).Select(m => m.To).Order(StringComparer.Ordinal));
        var statuses = await app.WithDbAsync(db => db.NotificationDeliveries.Where(d => d.Notification!.Subject.Contains(name)).Select(d => d.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(DeliveryStatus.Sent, s));
    }

    [Fact]
    public async Task Only_the_recipient_sees_and_marks_a_notification()
    {
        var (name, _, id) = await NewCampaignAsync("Chỉ người nhận", DateTime.UtcNow.AddDays(30));
        await SubmitAsync(id);
        await app.PassAsync(DateTime.UtcNow.AddMinutes(1));
        var notificationId = await app.WithDbAsync(db => db.Notifications
            .Where(n => n.Subject.Contains(name) && db.Users.Any(u => u.Id == n.RecipientId && u.UserName == "coordinator"))
            .Select(n => n.Id).SingleAsync());

        using var lead = await app.LoginAsync("lead.langson");
        var leadList = await lead.GetFromJsonAsync<JsonElement>(U("/api/notifications"));
        Assert.DoesNotContain(leadList.GetProperty("items").EnumerateArray(), n => n.GetProperty("id").GetInt64() == notificationId);
        var leadPage = await lead.GetStringAsync(U("/notifications"));
        Assert.DoesNotContain(name, leadPage, StringComparison.Ordinal);
        await (await lead.PostAsync(U($"/api/notifications/{notificationId}/read"), null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await lead.PostAsync(U("/api/notifications/read-all"), null);
        Assert.Null(await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == notificationId).Select(n => n.ReadAt).SingleAsync()));

        // The coordinator sees it on the page, with the bell's count, and marks it read with the page's form.
        using var coordinator = await app.LoginAsync("coordinator");
        var html = await coordinator.GetStringAsync(U("/notifications"));
        var page = new HtmlParser().ParseDocument(html);
        var item = page.QuerySelectorAll("li.unread").Single(li => li.TextContent.Contains(name, StringComparison.Ordinal));
        Assert.Equal($"/assessments/{id}/appraisal", item.QuerySelector("a")!.GetAttribute("href"));
        var bell = page.QuerySelector("#nav-notifications")!;
        Assert.Contains("chưa đọc", bell.GetAttribute("aria-label"), StringComparison.Ordinal);
        var button = item.QuerySelector("button[name='Form.Id']")!;
        Assert.StartsWith("Đánh dấu đã đọc: ", button.GetAttribute("aria-label"), StringComparison.Ordinal);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "notifications",
            ["__RequestVerificationToken"] = AppFixture.FormToken(html),
            ["Form.Id"] = button.GetAttribute("value")!,
        });
        var posted = await coordinator.PostAsync(U("/notifications"), form);
        Assert.True(posted.StatusCode == HttpStatusCode.OK, $"{(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
        Assert.NotNull(await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == notificationId).Select(n => n.ReadAt).SingleAsync()));
        var after = new HtmlParser().ParseDocument(await coordinator.GetStringAsync(U("/notifications")));
        Assert.DoesNotContain(after.QuerySelectorAll("li.unread"), li => li.TextContent.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_idempotency_key_is_unique_in_the_database()
    {
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "chair").Select(u => u.Id).SingleAsync());
        var key = "test:" + Guid.NewGuid().ToString("N");
        Notification Make() => new() { RecipientId = userId, Kind = "test", IdempotencyKey = key, Subject = "s", Body = "b", Link = "/", CreatedAt = DateTime.UtcNow };
        await app.WithDbAsync(async db =>
        {
            db.Notifications.Add(Make());
            return await db.SaveChangesAsync();
        });
        var second = await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.Notifications.Add(Make());
            return await db.SaveChangesAsync();
        }));
        Assert.True(ParIndex.Data.Providers.DbConflicts.IsConflict(second));
    }
}

public sealed class NotificationTestsOnSqlite(SqliteMailAppFixture app) : NotificationTests<SqliteMailAppFixture>(app);

public sealed class NotificationTestsOnPostgres(PostgresMailAppFixture app) : NotificationTests<PostgresMailAppFixture>(app);
