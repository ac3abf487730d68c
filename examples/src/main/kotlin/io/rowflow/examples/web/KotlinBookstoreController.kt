package io.rowflow.examples.web

import io.rowflow.Database
import io.rowflow.kotlin.contains
import io.rowflow.kotlin.coroutines
import io.rowflow.query.Queries.select
import java.net.URI
import java.util.Locale
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.map
import org.springframework.http.MediaType
import org.springframework.http.ResponseEntity
import org.springframework.web.bind.annotation.GetMapping
import org.springframework.web.bind.annotation.PathVariable
import org.springframework.web.bind.annotation.PostMapping
import org.springframework.web.bind.annotation.RequestBody
import org.springframework.web.bind.annotation.RequestMapping
import org.springframework.web.bind.annotation.RequestParam
import org.springframework.web.bind.annotation.RestController

/**
 * The bookstore's core endpoints in Kotlin, under `/kotlin`: the same books and authors as the Java
 * controllers, read and written through `rowflow-kotlin` — `Flow`s for streams, `suspend` functions
 * for single results, and a suspending transaction.
 */
@RestController
@RequestMapping("/kotlin")
class KotlinBookstoreController(database: Database) {

    private val db = database.coroutines()

    /** `GET /kotlin/books?q=...`: the matching books in id order, streamed as NDJSON or a JSON array. */
    @GetMapping("/books", produces = [MediaType.APPLICATION_NDJSON_VALUE, MediaType.APPLICATION_JSON_VALUE])
    fun books(@RequestParam("q", required = false) search: String?): Flow<BookView> {
        val query = select(BOOK).orderBy(BOOK.id.asc()).fetchSize(256)
        val matching = if (search.isNullOrBlank()) query
        else query.where(BOOK.title.lower() contains search.lowercase(Locale.ROOT))
        return db.fetch(matching).map(BookView::of)
    }

    /** `GET /kotlin/books/{id}`: the book, or a 404 problem. */
    @GetMapping("/books/{id}")
    suspend fun book(@PathVariable id: Long): BookView =
        db.findById<ShopBook>(id)?.let(BookView::of) ?: throw Problems.notFound("No book with id %d", id)

    /** `GET /kotlin/authors/{id}`: the author with their books (one follow-up query), or a 404 problem. */
    @GetMapping("/authors/{id}")
    suspend fun author(@PathVariable id: Long): AuthorView =
        db.findById<ShopAuthor>(id, AUTHOR.books)?.let(AuthorView::of)
            ?: throw Problems.notFound("No author with id %d", id)

    /** `POST /kotlin/authors`: the author and their books in one transaction; 201 with the stored author. */
    @PostMapping("/authors")
    suspend fun create(@RequestBody author: NewAuthor): ResponseEntity<AuthorView> {
        author.validate()
        val created = db.inTransaction { insert(author.toEntity()) }
        return ResponseEntity.created(URI.create("/kotlin/authors/${created.id()}")).body(AuthorView.of(created))
    }

    private companion object {
        val BOOK: ShopBook_ = ShopBook_.SHOP_BOOK
        val AUTHOR: ShopAuthor_ = ShopAuthor_.SHOP_AUTHOR
    }
}
