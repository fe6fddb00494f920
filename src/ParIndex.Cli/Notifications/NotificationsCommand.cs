using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Application.Notifications;
using ParIndex.Data;

namespace ParIndex.Cli.Notifications;

/// <summary>
/// <c>parindex notifications run</c>: one notification pass (create what is due, send pending
/// e-mails) for deployments that run it from cron with <c>Notifications:Enabled=false</c> on the
/// web instances. Settings come from environment variables as for the web app
/// (<c>Smtp__Host</c>, <c>Notifications__ReminderLeadTimes__0</c>, <c>App__PublicBaseUrl</c>…).
/// Exit 0 when the pass ran (even if some e-mails wait for a retry), 1 when the SMTP server
/// failed, 2 for a bad command line or an unreachable database.
/// </summary>
public static class NotificationsCommand
{
    public static Command Create()
    {
        var database = new Database.DatabaseOptions();
        var run = new Command("run", "Chạy một lượt: tạo thông báo đến hạn và gửi thư điện tử còn chờ");
        database.AddTo(run);
        run.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (Surveys.SurveyImportCommand.Options(database.Resolve(parse, stderr)) is not { } options)
            {
                return CliApp.UnreadableExitCode;
            }

            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton(TimeProvider.System);
            services.AddScoped(_ => new ParIndexDbContext(options.Db));
            services.AddParIndexNotifications(configuration);
            await using var provided = services.BuildServiceProvider();
            try
            {
                await using var scope = provided.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<NotificationPass>().RunAsync(cancellationToken);
                stdout.WriteLine($"Đã tạo {result.Created} thông báo; đã gửi {result.Sent} thư, {result.Failed} thư lỗi (sẽ gửi lại sau).");
                if (result.ServerDown)
                {
                    stderr.WriteLine("Lỗi: máy chủ SMTP không nhận thư; các thư còn lại sẽ được gửi ở lượt sau.");
                    return 1;
                }

                return 0;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException or InvalidOperationException)
            {
                stderr.WriteLine($"Lỗi: không đọc/ghi được cơ sở dữ liệu thông báo: {e.Message}");
                return CliApp.UnreadableExitCode;
            }
        });
        return new Command("notifications", "Thông báo và nhắc hạn") { run };
    }
}
