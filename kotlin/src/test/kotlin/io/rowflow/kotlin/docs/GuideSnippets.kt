package io.rowflow.kotlin.docs

import io.rowflow.Database
import io.rowflow.kotlin.CoroutineDatabase
import io.rowflow.kotlin.and
import io.rowflow.kotlin.coroutines
import io.rowflow.kotlin.eq
import io.rowflow.kotlin.lt
import io.rowflow.query.Queries.select
import kotlinx.coroutines.flow.Flow

/** The code of docs/kotlin.md, run by [GuideSnippetsTest]. */
object GuideSnippets {

    private val BOOK = Book_.BOOK

    fun coroutineView(database: Database): CoroutineDatabase {
        val db = database.coroutines()    // the same connections and transactions, as suspend functions and Flows
        return db
    }

    suspend fun addBook(db: CoroutineDatabase): Book? {
        val dune = db.insert(Book(title = "Dune", year = 1965))    // returns the book with its generated id
        return db.findById<Book>(dune.id!!)                         // null when there is no such row
    }

    fun oldBooksWithoutSubtitle(db: CoroutineDatabase): Flow<Book> =
        db.fetch(select(BOOK)
            .where((BOOK.year lt 1970) and (BOOK.subtitle eq null))    // eq null is IS NULL
            .orderBy(BOOK.year.asc()))

    suspend fun authorWithBooks(db: CoroutineDatabase, name: String, vararg titles: String): Author =
        db.inTransaction {                          // commits when the block returns
            val author = insert(Author(name = name))
            titles.forEach { title -> insert(Book(title = title, year = 1970, authorId = author.id)) }
            author                                  // rolls back if anything above throws, or on cancel
        }
}
