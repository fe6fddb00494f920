using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using ParIndex.Data.Accounts;

namespace ParIndex.Web.Hosting;

/// <summary>Prints where the app listens and, in demo mode, the demo logins.</summary>
internal static class StartupBanner
{
    public static void Register(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
            var lines = new List<string> { "", "ParIndex đang chạy tại / is running at:" };
            lines.AddRange(addresses.Select(a => "  " + a));
            if (demo.Enabled)
            {
                lines.Add($"Tài khoản mẫu / demo accounts (mật khẩu / password: {demo.Password}):");
                lines.AddRange(DemoAccounts.All.Select(a => $"  {a.UserName,-16} {Roles.VietnameseName(a.Role)}"));
            }

            lines.Add("");
            Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
        });
    }
}
