using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Data.Notifications;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Notifications;

/// <summary>
/// Two instances of the app (two hosts, two dispatchers with their own claim names) on ONE
/// PostgreSQL database and one SMTP server, running passes at the same moment: every message is
/// created once and sent once.
/// </summary>
public sealed class TwoInstanceNotificationTests : IAsyncLifetime
{
    private readonly string database = "parindex_mail2_" + Guid.NewGuid().ToString("N")[..12];
    private SmtpSink smtp = null!;
    private InstanceApp A { get; set; } = null!;

    private InstanceApp B { get; set; } = null!;

    public async Task InitializeAsync()
    {
        smtp = await SmtpSink.StartAsync();
        await TestPostgres.CreateDatabaseAsync(database);
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(PostgresAppFixture.ServerConnectionString) { Database = database }.ConnectionString;
        A = new InstanceApp(connection, MailAppFixture.MailSettings(smtp.Port));
        B = new InstanceApp(connection, MailAppFixture.MailSettings(smtp.Port));
        await A.InitializeAsync();
        await B.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(database);
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task Two_instances_passing_at_once_send_every_message_once()
    {
        // Three units' worth of events: Lạng Sơn submits (2 reviewers), and a reminder is due for Bắc Giang's people.
        using var coordinator = await A.LoginAsync("coordinator");
        var units = await coordinator.GetFromJsonAsync<JsonElement>(new Uri("/api/units", UriKind.Relative));
        var ls = units.EnumerateArray().Single(u => u.GetProperty("code").GetString() == "LS").GetProperty("id").GetInt32();
        var frameworks = await coordinator.GetFromJsonAsync<JsonElement>(new Uri("/api/frameworks", UriKind.Relative));
        var name = "Hai máy chủ " + Guid.NewGuid().ToString("N")[..6];
        var created = await coordinator.PostAsJsonAsync(new Uri("/api/campaigns", UriKind.Relative), new
        {
            name,
            year = 2024,
            frameworkRecordId = frameworks.EnumerateArray().First(f => f.GetProperty("frameworkId").GetString() == "par-index-province-2023").GetProperty("id").GetInt32(),
            unitIds = new[] { ls },
            selfAssessmentDeadline = DateTime.UtcNow.AddHours(12),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var assessmentId = (await created.JsonAsync()).GetProperty("units")[0].GetProperty("assessmentId").GetInt32();
        using var lead = await B.LoginAsync("lead.langson");
        // The 1-day reminder is due before the submission (planned by a pass at that moment) …
        var reminderAt = DateTime.UtcNow.AddMinutes(1);
        await Task.WhenAll(
            Task.Run(() => MailAppFixture.Pass(A.Services, reminderAt)),
            Task.Run(() => MailAppFixture.Pass(B.Services, reminderAt)),
            Task.Run(() => MailAppFixture.Pass(A.Services, reminderAt)),
            Task.Run(() => MailAppFixture.Pass(B.Services, reminderAt)));
        // … then the submission is announced.
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsync(new Uri($"/api/assessments/{assessmentId}/actions/submit", UriKind.Relative), null)).StatusCode);
        var now = DateTime.UtcNow.AddMinutes(2);
        var passes = Enumerable.Range(0, 6).Select(i => Task.Run(() => MailAppFixture.Pass(i % 2 == 0 ? A.Services : B.Services, now)));
        await Task.WhenAll(passes);

        var mails = smtp.Received.Where(m => m.Subject.Contains(name, StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["appraiser@parindex.invalid", "coordinator@parindex.invalid", "editor.langson@parindex.invalid", "lead.langson@parindex.invalid"],
            mails.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.Equal(2, mails.Count(m => m.Subject.Contains("đã gửi bản tự đánh giá", StringComparison.Ordinal)));
        Assert.Equal(2, mails.Count(m => m.Subject.Contains("Nhắc hạn tự đánh giá", StringComparison.Ordinal)));

        var deliveries = await A.WithDbAsync(db => db.NotificationDeliveries.Where(d => d.Notification!.Subject.Contains(name)).ToListAsync());
        Assert.Equal(4, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Sent, 1), (d.Status, d.Attempts)));
    }
}
