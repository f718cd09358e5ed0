using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comptoir.Platform.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AnswerTemplateDisabledAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DisabledAt",
                table: "AnswerTemplates",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DisabledAt",
                table: "AnswerTemplates");
        }
    }
}
